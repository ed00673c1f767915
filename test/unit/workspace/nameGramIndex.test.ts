import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { rankPatterns } from '../../../server/src/core/features/completion/slugRanking';
import { NameGramIndex } from '../../../server/src/core/workspace/nameGramIndex';
import { unparsedSummary, type PatternSummary } from '../../../server/src/core/workspace/patternSummary';
import type { NamedPattern } from '../../../server/src/core/workspace/slugCatalog';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

function summary(file: number, slug: string, title: string | undefined): PatternSummary {
  return { ...unparsedSummary(`file:///workspace/f${file}.md`, slug), title, unparsed: false };
}

/** The uris `namesPossiblyContaining` visits, in the order visited. */
function possiblyContaining(index: WorkspaceIndex, query: string): string[] {
  const uris: string[] = [];
  const candidates = index.namesPossiblyContaining(query);
  candidates.forEach((named) => uris.push(named.summary.uri));
  assert.equal(candidates.size, uris.length);
  return uris;
}

/** The uris of the files whose lowered slug or title contains `query`, found by looking at each. */
function containing(index: WorkspaceIndex, query: string): string[] {
  return [...index.all()].filter((s) => s.slug.toLowerCase().includes(query) || (s.title ?? '').toLowerCase().includes(query)).map((s) => s.uri).sort();
}

describe('NameGramIndex', () => {
  const sorted = (slots: ArrayLike<number>) => Array.from(slots).sort((a, b) => a - b);

  it('looks a query of 1 to 3 code units up whole, a longer one by its rarest trigram', () => {
    const grams = new NameGramIndex();
    grams.add(0, ['abcd', 'x']);
    grams.add(1, ['bcd']);
    grams.add(2, ['zzzz']);
    assert.deepEqual(sorted(grams.rarestPosting('b')), [0, 1]);
    assert.deepEqual(sorted(grams.rarestPosting('cd')), [0, 1]);
    assert.deepEqual(sorted(grams.rarestPosting('abc')), [0]);
    assert.deepEqual(sorted(grams.rarestPosting('x')), [0]); // the second name of a file counts too
    assert.deepEqual(Array.from(grams.rarestPosting('zz')), [2]); // once per file, however often the gram occurs
    assert.deepEqual(Array.from(grams.rarestPosting('abcd')), [0]); // 'abc' is rarer than 'bcd'
    assert.deepEqual(Array.from(grams.rarestPosting('zzzzz')), [2]); // a superset: 'zzzz' holds no 'zzzzz'
    assert.deepEqual(Array.from(grams.rarestPosting('abce')), []); // no file holds 'bce'
    assert.deepEqual(Array.from(grams.rarestPosting('xa')), []); // grams do not span a file's two names
    assert.deepEqual(Array.from(grams.rarestPosting('')), []);
  });

  it('takes a removed file out of every posting and forgets grams no file holds', () => {
    const grams = new NameGramIndex();
    grams.add(0, ['ab']);
    grams.add(1, ['abc']);
    grams.add(2, ['b']);
    assert.equal(grams.gramCount, 6); // a b ab c bc abc
    grams.remove(1, ['abc']);
    assert.equal(grams.gramCount, 3);
    assert.deepEqual(Array.from(grams.rarestPosting('c')), []);
    assert.deepEqual(sorted(grams.rarestPosting('b')), [0, 2]);
    grams.remove(0, ['ab']);
    grams.remove(0, ['ab']); // twice: nothing left to take
    assert.deepEqual(Array.from(grams.rarestPosting('b')), [2]);
    assert.deepEqual(Array.from(grams.rarestPosting('ab')), []);
    assert.equal(grams.gramCount, 1);
  });

  it('builds from many files the postings that adding them one by one makes, and is kept in step after', () => {
    const files = [
      { slot: 4, names: ['abab', 'ba'] }, // grams held twice, and across both names
      { slot: 0, names: ['ab'] },
      { slot: 7, names: ['😀b'] },
      { slot: 2, names: ['b'] },
    ];
    const built = new NameGramIndex();
    built.build(files);
    const added = new NameGramIndex();
    for (const { slot, names } of files) added.add(slot, names);
    assert.equal(built.gramCount, added.gramCount);
    for (const q of ['a', 'b', 'ab', 'ba', 'aba', 'bab', 'abab', '😀', '\ude00b', 'x']) assert.deepEqual(sorted(built.rarestPosting(q)), sorted(added.rarestPosting(q)), q);
    assert.deepEqual(sorted(built.rarestPosting('b')), [0, 2, 4, 7]);
    built.remove(4, ['abab', 'ba']);
    built.add(9, ['ab']);
    assert.deepEqual(sorted(built.rarestPosting('ab')), [0, 9]);
    assert.deepEqual(sorted(built.rarestPosting('ba')), []);
    assert.deepEqual(sorted(built.rarestPosting('b')), [0, 2, 7, 9]);
  });
});

describe('WorkspaceIndex name grams and slug order', () => {
  const text = fc.stringOf(fc.constantFrom('a', 'b', 'ab', 'B', '-', ' ', '1', 'é', 'É', '😀', 'ß', 'İ'), { minLength: 0, maxLength: 6 });
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), file: fc.nat(15), slug: text, title: fc.option(text, { nil: undefined }) }),
    fc.record({ kind: fc.constant('retitle' as const), file: fc.nat(15), title: fc.option(text, { nil: undefined }) }),
    fc.record({ kind: fc.constant('reslug' as const), file: fc.nat(15), slug: text }),
    fc.record({ kind: fc.constant('touch' as const), file: fc.nat(15) }),
    fc.record({ kind: fc.constant('delete' as const), file: fc.nat(15) }),
  );
  // Lower-cased pieces, as a typed query is lower-cased before the look-up ('i̇' is 'İ' lowered: two code units).
  const query = fc.stringOf(fc.constantFrom('a', 'b', '-', ' ', '1', 'é', '😀', '\ud83d', 'ß', 'i̇', 'x'), { minLength: 1, maxLength: 5 });

  function apply(index: WorkspaceIndex, op: { kind: string; file: number; slug?: string; title?: string }) {
    const uri = `file:///workspace/f${op.file}.md`;
    const current = index.get(uri);
    if (op.kind === 'set') index.set(summary(op.file, op.slug!, op.title));
    else if (op.kind === 'delete') index.delete(uri);
    else if (op.kind === 'retitle') index.set(summary(op.file, current?.slug ?? 'x', op.title));
    else if (op.kind === 'reslug') index.set(summary(op.file, op.slug!, current?.title));
    else if (current) index.set({ ...current, links: [] }); // same names, a new record (as every edit makes)
  }

  function checkInStep(index: WorkspaceIndex, queries: readonly string[]) {
    for (const q of queries) {
      const visited = possiblyContaining(index, q);
      assert.equal(new Set(visited).size, visited.length, `each file once for ${JSON.stringify(q)}`);
      for (const uri of visited) assert.ok(index.get(uri), 'only files in the index');
      const want = containing(index, q);
      if (q.length <= 3) assert.deepEqual([...visited].sort(), want, `exactly the files containing ${JSON.stringify(q)}`);
      else for (const uri of want) assert.ok(visited.includes(uri), `${uri} contains ${JSON.stringify(q)}`);
    }
    index.namesPossiblyContaining('a').forEach((named) => assert.equal(named.summary, index.get(named.summary.uri), 'the current record'));
    const inOrder = index.namesInSlugOrder();
    const expected = [...index.namedPatterns()].sort((a: NamedPattern, b: NamedPattern) => (a.summary.slug < b.summary.slug ? -1 : a.summary.slug > b.summary.slug ? 1 : a.order - b.order));
    assert.deepEqual(inOrder.map((n) => n.summary.uri), expected.map((n) => n.summary.uri));
    for (const named of inOrder) assert.equal(named.summary, index.get(named.summary.uri), 'the current record');
    for (const slug of index.slugs()) assert.equal(inOrder.find((n) => n.summary.slug === slug), index.firstNamed(slug), 'first of a slug is its first file');
  }

  it('keeps postings and slug order right through sets, renames, retitles, deletes, before and after they are built', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 30 }), fc.array(edit, { maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 6 }), (before, after, queries) => {
      const index = new WorkspaceIndex();
      for (const op of before) apply(index, op);
      checkInStep(index, queries); // builds them from what is there
      for (const op of after) apply(index, op);
      checkInStep(index, queries); // kept in step one change at a time
      const rebuilt = new WorkspaceIndex();
      for (const s of index.all()) rebuilt.set(s);
      for (const q of queries) assert.deepEqual(possiblyContaining(rebuilt, q).sort(), possiblyContaining(index, q).sort());
    }), { numRuns: 1000, seed: 23 });
  });

  it('answers queries of one and two code units, and unicode titles lowered as typed text is', () => {
    const index = new WorkspaceIndex();
    index.set(summary(1, 'ca-va', 'Ça va 😀 Straße'));
    index.set(summary(2, 'istanbul', 'İstanbul'));
    index.set(summary(3, 'plain', 'Plain'));
    possiblyContaining(index, 'x'); // built here; the next file joins it one change at a time
    index.set(summary(4, 'later', 'Éa later'));
    const uris = (...files: number[]) => files.map((f) => `file:///workspace/f${f}.md`);
    assert.deepEqual(possiblyContaining(index, 'ç'), uris(1));
    assert.deepEqual(possiblyContaining(index, 'a').sort(), uris(1, 2, 3, 4));
    assert.deepEqual(possiblyContaining(index, 'é'), uris(4));
    assert.deepEqual(possiblyContaining(index, '😀'), uris(1)); // two code units: one 2-gram
    assert.deepEqual(possiblyContaining(index, 'ß'), uris(1));
    assert.deepEqual(possiblyContaining(index, 'ss'), []); // 'ß' lowers to itself
    assert.deepEqual(possiblyContaining(index, 'straße'), uris(1));
    assert.deepEqual(possiblyContaining(index, 'i̇s'), uris(2)); // 'İ' lowers to 'i' and a combining dot
    assert.deepEqual(possiblyContaining(index, 'la').sort(), uris(3, 4));
    assert.deepEqual(rankPatterns(index, 'STRASSE', new Set(), 10).patterns, []);
    assert.deepEqual(rankPatterns(index, 'Straße', new Set(), 10).patterns.map((p) => p.slug), ['ca-va']);
    assert.deepEqual(rankPatterns(index, 'ß', new Set(), 10).patterns.map((p) => p.slug), ['ca-va']);
    assert.deepEqual(rankPatterns(index, '😀', new Set(), 10).patterns.map((p) => p.slug), ['ca-va']);
  });

  it('lists every file of a duplicated slug; the ranking offers the first in index order, then the next once it leaves', () => {
    const index = new WorkspaceIndex();
    index.set(summary(1, 'shared-care', 'First'));
    index.set(summary(2, 'shared-care', 'Second'));
    index.set(summary(3, 'other', 'Uncared'));
    assert.deepEqual(possiblyContaining(index, 'car').sort(), ['file:///workspace/f1.md', 'file:///workspace/f2.md', 'file:///workspace/f3.md']);
    const offered = () => rankPatterns(index, 'ared', new Set(), 10).patterns.map((p) => p.uri); // substrings only
    assert.deepEqual(offered(), ['file:///workspace/f3.md', 'file:///workspace/f1.md']);
    index.delete('file:///workspace/f1.md');
    assert.deepEqual(offered(), ['file:///workspace/f3.md', 'file:///workspace/f2.md']);
    assert.deepEqual(rankPatterns(index, 'ared', new Set(['shared-care']), 10).patterns.map((p) => p.uri), ['file:///workspace/f3.md']);
  });
});
