import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import {
  CancellationTokenSource, LSPErrorCodes, ReferencesRequest, RenameRequest, ResponseError, WorkspaceDiagnosticRequest, WorkspaceSymbolRequest,
  type CancellationToken, type Location, type RenameFile, type SymbolInformation, type TextDocumentEdit, type WorkspaceDocumentDiagnosticReport, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { generateLargeLibrary, lineOfKey, type LargeLibrary } from './largeLibrary';
import { LspTestClient } from './lspTestClient';

/** Patterns in the synthetic library: the size of the real one (3,616), roughly. */
const LIBRARY_SIZE = 3000;
/** A cancelled request answers within this, on a slow and busy machine (a full answer takes seconds there). */
const PROMPT_MS = 3000;

let library: LargeLibrary;

before(async () => {
  library = await generateLargeLibrary(LIBRARY_SIZE, 2024);
});
after(() => library?.remove());

/** Sends a request, cancels it at once, and expects RequestCancelled (-32800), promptly. */
async function expectCancelledAtOnce(what: string, send: (token: CancellationToken) => Promise<unknown>): Promise<void> {
  const source = new CancellationTokenSource();
  const started = Date.now();
  const pending = send(source.token);
  source.cancel();
  await assert.rejects(pending, (error: ResponseError<unknown>) => error.code === LSPErrorCodes.RequestCancelled, `${what} answers RequestCancelled`);
  assert.ok(Date.now() - started < PROMPT_MS, `${what} answered in ${Date.now() - started} ms`);
}

describe(`long requests on a library of ${LIBRARY_SIZE} patterns honour $/cancelRequest`, { timeout: 180_000 }, () => {
  let client: LspTestClient;
  let hubUri: string;
  let hubSlugPosition: { line: number; character: number };

  before(async () => {
    client = await LspTestClient.start(library.dir);
    assert.deepEqual(await client.waitFor('the index', () => client.indexReady[0], 120_000), { patterns: LIBRARY_SIZE });
    hubUri = client.uri(`${library.slugs[0]}.md`);
    hubSlugPosition = { line: lineOfKey(library, library.slugs[0], 'slug'), character: 8 };
  });
  after(() => client.stop());

  it('references, rename, workspace/symbol and workspace/diagnostic, cancelled as soon as sent, answer RequestCancelled', async () => {
    const connection = client.connection;
    await expectCancelledAtOnce('references', (token) => connection.sendRequest(ReferencesRequest.type,
      { textDocument: { uri: hubUri }, position: hubSlugPosition, context: { includeDeclaration: true } }, token));
    await expectCancelledAtOnce('rename', (token) => connection.sendRequest(RenameRequest.type,
      { textDocument: { uri: hubUri }, position: hubSlugPosition, newName: 'renamed-hub' }, token));
    await expectCancelledAtOnce('workspace/symbol', (token) => connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }, token));
    await expectCancelledAtOnce('workspace/diagnostic', (token) => connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] }, token));
  });

  it('workspace/diagnostic cancelled while it streams its reports stops part-way and answers RequestCancelled', async () => {
    const partialResultToken = 'cancelled-workspace-pull';
    const streamed: WorkspaceDocumentDiagnosticReport[] = [];
    let firstReports!: () => void;
    const running = new Promise<void>((resolve) => (firstReports = resolve));
    const subscription = client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (chunk) => {
      streamed.push(...chunk.items);
      firstReports();
    });
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken }, source.token);
    // Running for sure: the first reports have arrived.
    await running;
    const cancelledAt = Date.now();
    source.cancel();
    await assert.rejects(pending, (error: ResponseError<unknown>) => error.code === LSPErrorCodes.RequestCancelled);
    assert.ok(Date.now() - cancelledAt < PROMPT_MS, `answered ${Date.now() - cancelledAt} ms after the cancellation`);
    subscription.dispose();
    assert.ok(streamed.length < LIBRARY_SIZE, `stopped part-way: ${streamed.length} of ${LIBRARY_SIZE} files reported`);
  });

  it('the same requests, not cancelled, answer in full: the hub has 50 referencing files', async () => {
    const connection = client.connection;
    const references = (await connection.sendRequest(ReferencesRequest.type,
      { textDocument: { uri: hubUri }, position: hubSlugPosition, context: { includeDeclaration: true } })) as Location[];
    const expectedFiles = [library.slugs[0], ...library.hubLinkers].map((slug) => `${slug}.md`).sort();
    assert.deepEqual(references.map((l) => path.basename(l.uri)).sort(), expectedFiles);

    const edit = (await connection.sendRequest(RenameRequest.type, { textDocument: { uri: hubUri }, position: hubSlugPosition, newName: 'renamed-hub' })) as WorkspaceEdit;
    const textEdits = edit.documentChanges!.filter((c): c is TextDocumentEdit => 'textDocument' in c);
    assert.deepEqual(textEdits.map((e) => path.basename(e.textDocument.uri)).sort(), expectedFiles);
    assert.ok(textEdits.every((e) => e.edits.length === 1 && e.edits[0].newText === 'renamed-hub'));
    const renames = edit.documentChanges!.filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
    assert.deepEqual(renames.map((r) => path.basename(r.newUri)), ['renamed-hub.md']);

    const symbols = (await connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.equal(symbols.length, 200, 'at most 200 symbols');
    // The 50 best matches point at their title (line 6 of a generated file), the rest at the file start.
    const titleLine = lineOfKey(library, library.slugs[0], 'title');
    assert.deepEqual(symbols.map((s) => s.location.range.start.line), [...Array(50).fill(titleLine), ...Array(150).fill(0)]);
  });
});

describe(`shutdown while a library of ${LIBRARY_SIZE} patterns is being indexed`, { timeout: 120_000 }, () => {
  it('a request waiting for the index can be cancelled; shutdown stops indexing and exit ends the process promptly', async () => {
    const client = await LspTestClient.start(library.dir);
    try {
      // Indexing has begun (some files are read) but not finished.
      await client.waitFor('indexing progress', () => client.progressMessages.find((m) => /^Indexing patterns [1-9]/.test(m)), 60_000);
      await expectCancelledAtOnce('references while indexing', (token) => client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: client.uri(`${library.slugs[0]}.md`) }, position: { line: lineOfKey(library, library.slugs[0], 'slug'), character: 8 },
        context: { includeDeclaration: false },
      }, token));
      assert.deepEqual(client.indexReady, [], 'still indexing');

      const started = Date.now();
      await client.connection.sendRequest('shutdown');
      assert.ok(Date.now() - started < PROMPT_MS, `shutdown answered in ${Date.now() - started} ms`);
      const progressAtShutdown = client.progressMessages.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(client.progressMessages.length, progressAtShutdown, 'no more files indexed after shutdown');
      assert.deepEqual(client.indexReady, [], 'indexing never completed');

      const exited = new Promise<number | null>((resolve) => client.server.once('exit', (code) => resolve(code)));
      const exitStarted = Date.now();
      await client.connection.sendNotification('exit');
      assert.equal(await exited, 0);
      assert.ok(Date.now() - exitStarted < PROMPT_MS, `exited ${Date.now() - exitStarted} ms after exit`);
    } finally {
      await client.stop();
    }
  });
});
