import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  DocumentDiagnosticReportKind, DocumentDiagnosticRequest, FileChangeType, HoverRequest, ReferencesRequest, RequestType, WorkspaceSymbolRequest,
  type Hover, type Location, type MarkupContent, type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { FIXTURE_PATTERN_COUNT } from './fixtureFacts';
import { copyFixtureWorkspace, LspTestClient } from './lspTestClient';

const LIBRARY_STATUS = new RequestType<Record<string, never>, { patterns: number }, void>('commonsPatterns/libraryStatus');

/**
 * What a workspace on disk may hold besides pattern files, present when the server starts: a folder
 * named like a pattern file, symlinks that loop, a symlink to nothing. The server logs what it
 * cannot read and indexes the rest.
 */
describe('a workspace with a folder named x.md, symlink loops, a dangling symlink and a file that is not UTF-8', { timeout: 60_000 }, () => {
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    workspace = copyFixtureWorkspace();
    fs.mkdirSync(path.join(workspace, 'x.md'));
    fs.writeFileSync(path.join(workspace, 'x.md', 'inside-x.md'), '# Not a pattern: no frontmatter\n');
    // Two .md symlinks pointing at each other (ELOOP), and a folder symlink to its own parent (a cycle).
    fs.symlinkSync('loop-b.md', path.join(workspace, 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(workspace, 'loop-b.md'));
    fs.mkdirSync(path.join(workspace, 'nested'));
    fs.symlinkSync('..', path.join(workspace, 'nested', 'up'));
    fs.symlinkSync('does-not-exist.md', path.join(workspace, 'y.md'));
    // Bytes that are not UTF-8 (and a NUL) in a pattern's title: read as U+FFFD, the file is a pattern like any other.
    fs.writeFileSync(path.join(workspace, 'invalid-utf8.md'), Buffer.concat([
      Buffer.from('---\nslug: invalid-utf8\ntitle: "Broken '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' bytes"\n---\nBody \u0000 text\n'),
    ]));
    client = await LspTestClient.start(workspace);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('indexes every pattern, once, and logs each path it cannot read', async () => {
    assert.deepEqual(await client.waitForIndexReady(), { patterns: FIXTURE_PATTERN_COUNT + 1 });
    const cannotRead = client.logs.filter((line) => line.includes('cannot read')).sort();
    assert.deepEqual(cannotRead, [
      `commons-patterns: cannot read ${path.join(workspace, 'loop-a.md')}: too many levels of symbolic links`,
      `commons-patterns: cannot read ${path.join(workspace, 'loop-b.md')}: too many levels of symbolic links`,
      `commons-patterns: cannot read ${path.join(workspace, 'y.md')}: no such file or folder`,
    ]);
    // References to trust-circles: each linking file once, although `nested/up` leads back to them.
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: client.uri('trust-circles.md') }, position: { line: 2, character: 8 }, context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(references.map((l) => path.basename(l.uri)).sort(), ['active-listening.md', 'emoji-garden.md', 'emotional-safety.md']);
  });

  it('a file with invalid UTF-8 is indexed under its title with U+FFFD, and its pull diagnostics answer', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'invalid-utf8' })) as SymbolInformation[];
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName, s.location.range.start.line]), [['Broken \ufffd\ufffd\ufffd( bytes', 'invalid-utf8', 2]]);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: client.uri('invalid-utf8.md') } });
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
  });

  it('requests on the folder x.md and on the dangling y.md answer null; file events for them change nothing', async () => {
    for (const file of ['x.md', 'y.md', 'loop-a.md']) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(file) }, position: { line: 0, character: 0 } });
      assert.equal(hover, null, file);
    }
    const readyBefore = client.indexReady.length;
    await client.filesChanged([
      { uri: client.uri('x.md'), type: FileChangeType.Created },
      { uri: client.uri('y.md'), type: FileChangeType.Changed },
      { uri: client.uri('loop-a.md'), type: FileChangeType.Changed },
    ]);
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri('active-listening.md') }, position: { line: 46, character: 15 },
    })) as Hover;
    assert.deepEqual(hover.range, { start: { line: 46, character: 12 }, end: { line: 46, character: 25 } });
    assert.match((hover.contents as MarkupContent).value, /^\*\*Trust Circles\*\* · `trust-circles`/);
    assert.equal(client.indexReady.length, readyBefore, 'no re-index');
    const status = await client.connection.sendRequest(LIBRARY_STATUS, {});
    assert.equal(status.patterns, FIXTURE_PATTERN_COUNT + 1);
    assert.equal(client.server.exitCode, null);
  });
});
