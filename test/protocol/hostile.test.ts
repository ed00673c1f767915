import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  aliasBomb, binaryGarbage, deepFlow, emptyDocument, longFrontmatter, nulAndReplacement, onlyFence, tenMegabytes, validPatternText,
} from './hostileDocuments';
import { CHECK_BOUND_MS, HostileSession } from './hostileSession';
import { shapeOf } from './lspTestClient';

describe('hostile documents: the server checks each within a bound and keeps answering ordinary requests exactly', { timeout: 180_000 }, () => {
  let session: HostileSession;

  before(async () => {
    session = await HostileSession.start();
  });
  after(() => session.dispose());

  it('a billion-laughs alias bomb: one yaml-syntax error, not an expansion', () =>
    session.send(aliasBomb(), ({ diagnostics }) => {
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
      assert.match(diagnostics[0].message, /alias/i);
    }));

  it('a 10 MB document (a valid pattern with a 10 MB section) is analysed in full: no problems', () =>
    session.send(tenMegabytes(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), [])));

  it('flow collections nested 10,000 deep: a yaml-syntax error, no stack overflow', () =>
    session.send(deepFlow(10_000), ({ diagnostics }) => {
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
      assert.match(diagnostics[0].message, /nests collections .*too deep/);
    }));

  it('NUL characters and U+FFFD replacement characters in the frontmatter and the body: checked as text, no problems', () =>
    session.send(nulAndReplacement(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), [])));

  it('an empty document: not a pattern, no diagnostics', () =>
    session.send(emptyDocument(), ({ diagnostics }) => assert.deepEqual(diagnostics, [])));

  it('a document of only `---`: frontmatter-unclosed on the fence', () =>
    session.send(onlyFence(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), ['frontmatter-unclosed 1 0:0-0:3'])));

  it('binary garbage after `---`: frontmatter-unclosed on the fence', () =>
    session.send(binaryGarbage(), ({ diagnostics }) => assert.deepEqual(diagnostics.map(shapeOf), ['frontmatter-unclosed 1 0:0-0:3'])));

  it('a normal document changed into an alias bomb (didChange), and back: diagnostics follow each version', async () => {
    const client = session.client;
    let since = client.mark();
    const text = validPatternText('hostile-typed', 'pat_01m8h8hpk7ecw9c0evnejqjzjd');
    const uri = await client.open('hostile-typed.md', text);
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);

    since = client.mark();
    const bombVersion = await client.change(uri, aliasBomb().text.replace('slug: hostile-bomb', 'slug: hostile-typed'));
    const bombed = await client.waitForDiagnostics(uri, since, (p) => p.version === bombVersion, CHECK_BOUND_MS);
    assert.deepEqual(bombed.diagnostics.map((d) => [d.code, d.severity]), [['yaml-syntax', 1]]);
    await session.ordinaryRequestsAnswer('hostile-typed');

    since = client.mark();
    const backVersion = await client.change(uri, text);
    assert.deepEqual((await client.waitForDiagnostics(uri, since, (p) => p.version === backVersion, CHECK_BOUND_MS)).diagnostics, []);
    await client.close(uri);
    await session.ordinaryRequestsAnswer(undefined);
  });
});

// A server of its own: were this case to hang, the cases above would still be checked.
describe('a hostile frontmatter of 100,000 lines', { timeout: 120_000 }, () => {
  let session: HostileSession;

  before(async () => {
    session = await HostileSession.start();
  });
  after(() => session.dispose());

  it('is checked within the bound: 500 unknown-key warnings and one that counts the rest, and ordinary requests answer', () =>
    session.send(longFrontmatter(100_000), ({ diagnostics }) => {
      assert.equal(diagnostics.length, 501);
      assert.ok(diagnostics.every((d) => d.code === 'schema' && d.severity === 2), 'nothing but unknown keys');
      // The generated keys follow the fixture's frontmatter (lines 1-57): note_0 on line 58, note_499 on line 557.
      const byLine = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
      assert.equal(shapeOf(byLine[0]), 'schema 2 58:0-58:6');
      assert.match(byLine[0].message, /^Unknown key 'note_0' in the top level/);
      assert.equal(shapeOf(byLine[499]), 'schema 2 557:0-557:8');
      assert.match(byLine[499].message, /^Unknown key 'note_499' in the top level/);
      assert.equal(byLine[500].message, "99500 more 'schema' problems in this file are not shown (at most 500 a rule)");
    }));
});
