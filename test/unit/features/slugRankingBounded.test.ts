import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { MAX_SUBSEQUENCE_VISITS, rankPatterns } from '../../../server/src/core/features/completion/slugRanking';
import { unparsedSummary, type PatternSummary } from '../../../server/src/core/workspace/patternSummary';
import { fullScanRank } from '../helpers/fullScanRank';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

/** A small deterministic generator (mulberry32), so one fast-check seed makes a whole library. */
function randomOf(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` files with short names over a few letters (so grams are dense and many names match), some slugs shared. */
function library(count: number, seed: number): WorkspaceIndex {
  const random = randomOf(seed);
  const word = (letters: string, max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => letters[Math.floor(random() * letters.length)]).join('');
  const index = new WorkspaceIndex();
  for (let file = 0; file < count; file++) {
    const slug = random() < 0.02 && file > 0 ? `s${Math.floor(random() * file)}` : `${word('abcdé', 4)}-${word('abcd', 3)}-${file}`;
    const title = random() < 0.2 ? undefined : `${word('abcdÉ', 5)} ${word('abcd', 4)}`;
    index.set({ ...unparsedSummary(`file:///workspace/f${file}.md`, slug), title, unparsed: false });
  }
  return index;
}

describe('rankPatterns beyond MAX_SUBSEQUENCE_VISITS slugs', () => {
  it('shows the start of the full answer, every better-than-letters-in-order match up to the limit, and says when it may be incomplete', () => {
    const typed = fc.stringOf(fc.constantFrom('a', 'b', 'c', 'd', '-', ' ', 'é', '1'), { minLength: 0, maxLength: 5 });
    const request = fc.record({ typed, limit: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(200)), exclude: fc.array(fc.constantFrom('s1', 's2', 'a-a-3', 'x'), { maxLength: 2 }) });
    fc.assert(fc.property(fc.integer(), fc.constantFrom(MAX_SUBSEQUENCE_VISITS - 300, MAX_SUBSEQUENCE_VISITS + 600), fc.array(request, { minLength: 1, maxLength: 12 }), (seed, size, requests) => {
      const index = library(size, seed);
      for (const { typed, limit, exclude } of requests) {
        const excluded = new Set(exclude);
        const got = rankPatterns(index, typed, excluded, limit);
        const want = fullScanRank(index, typed, excluded, limit);
        const gotUris = got.patterns.map((p) => p.uri);
        const wantUris = want.patterns.map((p) => p.uri);
        assert.deepEqual(gotUris, wantUris.slice(0, gotUris.length), 'the start of the full answer');
        assert.ok(gotUris.length >= Math.min(limit, want.beforeInOrder), 'every slug, word and substring match up to the limit');
        if (gotUris.length < wantUris.length || want.incomplete) assert.equal(got.incomplete, true, 'incomplete when matches are left out');
        if (index.size <= MAX_SUBSEQUENCE_VISITS) {
          assert.deepEqual(gotUris, wantUris, 'a library within the walk gets the full answer');
          assert.equal(got.incomplete, want.incomplete);
        }
      }
    }), { numRuns: 40, seed: 5 });
  });
});
