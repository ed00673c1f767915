import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { rankPatterns } from '../../../server/src/core/features/completion/slugRanking';
import { unparsedSummary, type PatternSummary } from '../../../server/src/core/workspace/patternSummary';
import { fullScanRank } from '../helpers/fullScanRank';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

function summary(file: number, slug: string, title: string | undefined): PatternSummary {
  return { ...unparsedSummary(`file:///workspace/f${file}.md`, slug), title, unparsed: false };
}

const word = fc.stringOf(fc.constantFrom('a', 'b', 'c', 'A', '-', ' ', 'é'), { minLength: 0, maxLength: 6 });
const operation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), file: fc.nat(12), slug: word, title: fc.option(word, { nil: undefined }) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(12) }),
  fc.record({ kind: fc.constant('rank' as const), typed: word, exclude: fc.array(word, { maxLength: 3 }), limit: fc.integer({ min: 0, max: 6 }) }),
);

describe('rankPatterns over the index kept names and sorted slugs', () => {
  it('gives the same patterns, order and incompleteness as a full scan, through any sequence of edits', () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
      const index = new WorkspaceIndex();
      for (const op of operations) {
        if (op.kind === 'set') index.set(summary(op.file, op.slug, op.title));
        else if (op.kind === 'delete') index.delete(`file:///workspace/f${op.file}.md`);
        else {
          const exclude = new Set(op.exclude);
          const got = rankPatterns(index, op.typed, exclude, op.limit);
          const want = fullScanRank(index, op.typed, exclude, op.limit);
          assert.deepEqual(got.patterns.map((p) => p.uri), want.patterns.map((p) => p.uri));
          assert.equal(got.incomplete, want.incomplete);
        }
      }
    }), { numRuns: 1500, seed: 7 });
  });

  it('keeps its word index of slugs, title words and slug segments in step with sets, deletes and renames after it was built', () => {
    const text = fc.stringOf(fc.constantFrom('a', 'b', 'ab', 'B', '-', ' ', '1', 'é', '😀', '.'), { minLength: 0, maxLength: 5 });
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), file: fc.nat(20), slug: text, title: fc.option(text, { nil: undefined }) }),
      fc.record({ kind: fc.constant('retitle' as const), file: fc.nat(20), title: fc.option(text, { nil: undefined }) }),
      fc.record({ kind: fc.constant('reslug' as const), file: fc.nat(20), slug: text }),
      fc.record({ kind: fc.constant('delete' as const), file: fc.nat(20) }),
    );
    const queries = fc.array(fc.record({ typed: text, exclude: fc.array(text, { maxLength: 2 }), limit: fc.integer({ min: 0, max: 25 }) }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.array(edit, { maxLength: 30 }), fc.array(edit, { maxLength: 30 }), queries, (before, after, asked) => {
      const index = new WorkspaceIndex();
      const apply = (op: (typeof before)[number]) => {
        const uri = `file:///workspace/f${op.file}.md`;
        const current = index.get(uri);
        if (op.kind === 'set') index.set(summary(op.file, op.slug, op.title));
        else if (op.kind === 'delete') index.delete(uri);
        else if (op.kind === 'retitle') index.set(summary(op.file, current?.slug ?? 'x', op.title));
        else index.set(summary(op.file, op.slug, current?.title));
      };
      const compare = () => {
        for (const { typed, exclude, limit } of asked) {
          const excluded = new Set(exclude);
          const got = rankPatterns(index, typed, excluded, limit);
          const want = fullScanRank(index, typed, excluded, limit);
          assert.deepEqual(got.patterns.map((p) => p.uri), want.patterns.map((p) => p.uri));
          assert.equal(got.incomplete, want.incomplete);
        }
      };
      before.forEach(apply);
      compare(); // builds the word index
      after.forEach(apply);
      compare(); // the index kept in step incrementally
    }), { numRuns: 1500, seed: 11 });
  });

  it('takes many slug-prefix matches from the sorted slugs, first file of a duplicated slug, excluded ones left out', () => {
    const index = new WorkspaceIndex();
    for (let i = 0; i < 300; i++) index.set(summary(i, `trust-${String(i).padStart(3, '0')}`, `Trust ${i}`));
    index.set(summary(1000, 'trust-001', 'A second trust-001'));
    index.set(summary(1001, 'other', 'Trust elsewhere'));
    const ranked = rankPatterns(index, 'trust-0', new Set(['trust-000']), 3);
    assert.deepEqual(ranked.patterns.map((p) => [p.slug, p.uri]), [
      ['trust-001', 'file:///workspace/f1.md'], ['trust-002', 'file:///workspace/f2.md'], ['trust-003', 'file:///workspace/f3.md'],
    ]);
    assert.equal(ranked.incomplete, true);
    const all = rankPatterns(index, '', new Set(), 400);
    assert.equal(all.patterns.length, 301);
    assert.equal(all.incomplete, false);
  });
});

describe('WorkspaceIndex slug generation and memo', () => {
  it('changes only when a slug appears or disappears, and forgets memoized answers then', () => {
    const index = new WorkspaceIndex();
    index.set(summary(1, 'alpha', 'Alpha'));
    const g1 = index.slugGeneration;
    let computed = 0;
    const hint = () => index.memoizedBySlugs('hint', () => ++computed);
    assert.equal(hint(), 1);
    index.set(summary(1, 'alpha', 'Alpha renamed')); // same slug, new title
    index.set(summary(2, 'alpha', undefined)); // a duplicate of an existing slug
    index.delete('file:///workspace/f2.md');
    assert.equal(index.slugGeneration, g1);
    assert.equal(hint(), 1);
    index.set(summary(3, 'beta', undefined));
    assert.notEqual(index.slugGeneration, g1);
    assert.equal(hint(), 2);
    const g2 = index.slugGeneration;
    index.set(summary(3, 'gamma', undefined)); // beta leaves, gamma joins
    assert.notEqual(index.slugGeneration, g2);
    assert.deepEqual(index.sortedSlugs(), ['alpha', 'gamma']);
    index.set(summary(4, 'aardvark', undefined));
    index.delete('file:///workspace/f1.md');
    assert.deepEqual(index.sortedSlugs(), ['aardvark', 'gamma']);
    assert.equal(index.slugCount, 2);
  });
});
