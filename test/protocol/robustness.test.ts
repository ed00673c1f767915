import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import {
  CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { SERVER_MAIN, shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

/** Bytes that are not text: NUL, invalid UTF-8, lone surrogates once decoded, control characters. */
function binaryGarbage(): string {
  const bytes = Buffer.alloc(4096);
  let seed = 42;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed & 0xff;
  }
  return `---\n${bytes.toString('latin1')}\n\ud800\udfff\ud83d`;
}

const YAML_BOMB = [
  '---',
  'slug: bomb',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '---',
  '',
].join('\n');

describe('the server keeps answering after malformed documents', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  async function everyRequestAnswers(uri: string): Promise<void> {
    const position = { line: 1, character: 1 };
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  }

  it('unclosed frontmatter: frontmatter-unclosed on the opening fence', async () => {
    const since = client.mark();
    const uri = await client.open('unclosed.md', '---\nslug: unclosed\ntitle: "No end"\n\n### Section 1: Context\n');
    const published = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(published.diagnostics.map(shapeOf), ['frontmatter-unclosed 1 0:0-0:3']);
    await everyRequestAnswers(uri);
  });

  it('invalid YAML: yaml-syntax, and the other requests still answer', async () => {
    const since = client.mark();
    const uri = await client.open('bad-yaml.md', '---\nslug: bad-yaml\ntitle: [unclosed\n---\n');
    const published = await client.waitForDiagnostics(uri, since);
    assert.ok(published.diagnostics.length > 0);
    assert.ok(published.diagnostics.every((d) => d.code === 'yaml-syntax'), JSON.stringify(published.diagnostics));
    await everyRequestAnswers(uri);
  });

  it('binary garbage: published diagnostics (never a crash), and every request answers', async () => {
    const since = client.mark();
    const uri = await client.open('garbage.md', binaryGarbage());
    await client.waitForDiagnostics(uri, since);
    await everyRequestAnswers(uri);
  });

  it('a YAML alias bomb is checked quickly instead of being expanded', async () => {
    const since = client.mark();
    const uri = await client.open('bomb.md', YAML_BOMB);
    // The wait's timeout only catches a hang; speed is the benchmark's business.
    const published = await client.waitForDiagnostics(uri, since, () => true, 5000);
    assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax'), JSON.stringify(published.diagnostics.map(shapeOf)));
    await everyRequestAnswers(uri);
  });

  it('requests on a document that is neither open nor on disk answer null', async () => {
    const uri = client.uri('does-not-exist.md');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(symbols, null);
  });

  it('after all that, the workspace still answers as before', async () => {
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'emotional' });
    assert.deepEqual(symbols!.map((s) => s.name), ['Emotional Safety']);
    assert.equal(client.server.exitCode, null, 'the server process is still running');
  });
});

describe('the command line', () => {
  it('exits with status 2 and a usage message when no transport is given', () => {
    const result = spawnSync(process.execPath, [SERVER_MAIN], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no transport given/);
    assert.match(result.stderr, /Usage: commons-patterns-language-server --stdio/);
  });

  it('prints the usage with --help and exits 0', () => {
    const result = spawnSync(process.execPath, [SERVER_MAIN, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: commons-patterns-language-server --stdio/);
  });
});
