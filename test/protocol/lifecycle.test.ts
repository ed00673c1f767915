import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReferencesRequest, TextDocumentSyncKind, type Location } from 'vscode-languageserver-protocol/node';
import { FIXTURE_PATTERN_COUNT } from './fixtureFacts';
import { copyFixtureWorkspace, LspTestClient, startOnFixtureCopy } from './lspTestClient';

describe('initialize, indexing and file watching', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('announces its capabilities', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: [':', '#'], resolveProvider: false });
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'commons-patterns', interFileDependencies: true, workspaceDiagnostics: true });
    for (const provider of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'foldingRangeProvider'] as const) {
      assert.equal(capabilities[provider], true, provider);
    }
    assert.equal(client.initializeResult.serverInfo?.name, 'commons-patterns-language-server');
  });

  it('indexes the workspace with progress and says so with commonsPatterns/indexReady', () => {
    assert.deepEqual(client.indexReady, [{ patterns: FIXTURE_PATTERN_COUNT }]);
    // Nine Markdown files (the README too) are read; eight of them are patterns.
    assert.equal(client.progressMessages.at(-1), 'Indexing patterns 9/9');
  });

  it('registers file watchers for pattern files and for folders', () => {
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watchers?.registerOptions, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*', kind: 5 }] });
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  });
});

describe('requests that arrive while the workspace is indexed', { timeout: 60_000 }, () => {
  it('wait for the index and answer completely (references right after initialized)', async () => {
    const workspace = copyFixtureWorkspace();
    const client = await LspTestClient.start(workspace);
    try {
      const references = (await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: client.uri('trust-circles.md') }, position: { line: 2, character: 8 }, context: { includeDeclaration: false },
      })) as Location[];
      assert.deepEqual(references.map((l) => path.basename(l.uri)).sort(), ['active-listening.md', 'emoji-garden.md', 'emotional-safety.md']);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('a client without window.workDoneProgress', { timeout: 60_000 }, () => {
  it('gets no progress, and still commonsPatterns/indexReady', async () => {
    const { client, dispose } = await startOnFixtureCopy({ progress: false });
    try {
      assert.deepEqual(client.indexReady, [{ patterns: FIXTURE_PATTERN_COUNT }]);
      assert.deepEqual(client.progressMessages, []);
    } finally {
      await dispose();
    }
  });
});

describe('multi-root workspaces', { timeout: 60_000 }, () => {
  it('indexes every workspace folder, and links resolve across folders', async () => {
    const main = copyFixtureWorkspace();
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-second-root-'));
    // Move trust-circles.md to the second folder: links to it from the main folder must still resolve.
    fs.renameSync(path.join(main, 'trust-circles.md'), path.join(second, 'trust-circles.md'));
    const client = await LspTestClient.start(main, { extraFolders: [second] });
    try {
      assert.deepEqual(await client.waitForIndexReady(), { patterns: FIXTURE_PATTERN_COUNT });
      const since = client.mark();
      const uri = await client.open('active-listening.md');
      assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    } finally {
      await client.stop();
      fs.rmSync(main, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});
