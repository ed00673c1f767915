import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import {
  CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  type CompletionList, type Hover, type MarkupContent, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  aliasBomb, binaryGarbage, deepFlow, emptyDocument, longFrontmatter, nulAndReplacement, onlyFence, tenMegabytes,
  validPatternText, type HostileDocument,
} from './hostileDocuments';
import { shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

/** How long a hostile document may take to be checked, on a slow and busy machine. */
const CHECK_BOUND_MS = 20_000;

/** The slugs offered at a new, empty entry of active-listening's `complementary` list: every pattern but itself and trust-circles (already in that list). */
const COMPLETED_SLUGS = ['broken-links', 'crlf-pattern', 'emoji-garden', 'emotional-safety', 'legacy-circle', 'score-problems'];

describe('hostile documents: the server checks them within a bound and keeps answering ordinary requests exactly', { timeout: 240_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;
  let normalUri: string;
  let baselineHover: Hover;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
    const text = fs.readFileSync(client.filePath('active-listening.md'), 'utf8');
    // Line 48: a new, empty entry after `- slug: trust-circles` / `weight: 0.8` (lines 46-47).
    const since = client.mark();
    normalUri = await client.open('active-listening.md', text.replace('      weight: 0.8\n', '      weight: 0.8\n    - slug: \n'));
    await client.waitForDiagnostics(normalUri, since);
    baselineHover = await hoverTrustCircles();
    assert.deepEqual(baselineHover.range, { start: { line: 46, character: 12 }, end: { line: 46, character: 25 } });
    const value = (baselineHover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Trust Circles\*\* · `trust-circles`/);
    assert.match(value, /Small recurring circles where trust is built through shared stories\./);
    assert.match(value, /tech: Guilds that meet every week/);
  });
  after(() => dispose());

  function hoverTrustCircles(): Promise<Hover> {
    return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: normalUri }, position: { line: 46, character: 15 } }) as Promise<Hover>;
  }

  /** Hover on a relationship target and slug completion in the normal document give the exact answers. */
  async function ordinaryRequestsAnswer(hostile: HostileDocument): Promise<void> {
    assert.deepEqual(await hoverTrustCircles(), baselineHover);
    const completion = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: normalUri }, position: { line: 48, character: 12 },
    })) as CompletionList;
    const expected = [...COMPLETED_SLUGS, ...(hostile.indexedAs ? [hostile.indexedAs] : [])].sort();
    assert.deepEqual(completion.items.map((item) => item.label).sort(), expected);
    assert.deepEqual(completion.items.find((item) => item.label === 'emotional-safety')?.textEdit,
      { range: { start: { line: 48, character: 12 }, end: { line: 48, character: 12 } }, newText: 'emotional-safety' });
  }

  /** The hostile document's own requests answer too (whatever the answer), and the process is alive. */
  async function hostileRequestsAnswer(uri: string): Promise<void> {
    const position = { line: 1, character: 3 };
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.equal(client.server.exitCode, null, 'the server process is still running');
  }

  /** Opens a hostile document, waits (bounded) for its diagnostics, checks the ordinary requests, closes it. */
  async function sendHostile(hostile: HostileDocument, check: (published: PublishDiagnosticsParams) => void): Promise<void> {
    const since = client.mark();
    const started = Date.now();
    const uri = await client.open(hostile.file, hostile.text);
    const published = await client.waitForDiagnostics(uri, since, () => true, CHECK_BOUND_MS);
    assert.ok(Date.now() - started < CHECK_BOUND_MS);
    assert.equal(published.version, 1);
    check(published);
    await ordinaryRequestsAnswer(hostile);
    await hostileRequestsAnswer(uri);
    await client.close(uri);
  }

  it('a billion-laughs alias bomb: one yaml-syntax error, not an expansion', () =>
    sendHostile(aliasBomb(), ({ diagnostics }) => {
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
      assert.match(diagnostics[0].message, /alias/i);
    }));

  it('a 10 MB document (a valid pattern with a 10 MB section) is analysed in full: no problems', () =>
    sendHostile(tenMegabytes(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), [])));

  it('a frontmatter of 100,000 lines: a warning for each unknown key, at the key', () => {
    const hostile = longFrontmatter(100_000);
    return sendHostile(hostile, ({ diagnostics }) => {
      const unknown = diagnostics.filter((d) => d.code === 'schema' && d.severity === 2);
      assert.equal(unknown.length, diagnostics.length, 'nothing but unknown keys');
      // The first generated key is on line 60 (after the fixture's 59 frontmatter lines).
      assert.equal(shapeOf(unknown[0]), 'schema 2 60:0-60:6');
      assert.match(unknown[0].message, /^Unknown key 'note_0' in the top level/);
    });
  });

  it('flow collections nested 10,000 deep: a yaml-syntax error, no stack overflow', () =>
    sendHostile(deepFlow(10_000), ({ diagnostics }) => {
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
      assert.match(diagnostics[0].message, /nests collections too deeply/);
    }));

  it('NUL characters and U+FFFD replacement characters in the frontmatter and the body: checked as text, no problems', () =>
    sendHostile(nulAndReplacement(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), [])));

  it('an empty document: not a pattern, no diagnostics', () =>
    sendHostile(emptyDocument(), ({ diagnostics }) => assert.deepEqual(diagnostics, [])));

  it('a document of only `---`: frontmatter-unclosed on the fence', () =>
    sendHostile(onlyFence(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), ['frontmatter-unclosed 1 0:0-0:3'])));

  it('binary garbage after `---`: frontmatter-unclosed on the fence', () =>
    sendHostile(binaryGarbage(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), ['frontmatter-unclosed 1 0:0-0:3'])));

  it('a normal document changed into an alias bomb (didChange), and back: diagnostics follow each version', async () => {
    let since = client.mark();
    const text = validPatternText('hostile-typed', 'pat_01m8h8hpk7ecw9c0evnejqjzjd');
    const uri = await client.open('hostile-typed.md', text);
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);

    since = client.mark();
    const bombVersion = await client.change(uri, aliasBomb().text.replace('slug: hostile-bomb', 'slug: hostile-typed'));
    const bombed = await client.waitForDiagnostics(uri, since, (p) => p.version === bombVersion, CHECK_BOUND_MS);
    assert.deepEqual(bombed.diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
    await ordinaryRequestsAnswer({ file: 'hostile-typed.md', text: '', indexedAs: 'hostile-typed' });

    since = client.mark();
    const backVersion = await client.change(uri, text);
    assert.deepEqual((await client.waitForDiagnostics(uri, since, (p) => p.version === backVersion, CHECK_BOUND_MS)).diagnostics, []);
    await client.close(uri);
    await ordinaryRequestsAnswer({ file: '', text: '', indexedAs: undefined });
  });
});
