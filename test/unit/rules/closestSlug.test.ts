import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { closestSlug, SlugCandidates } from '../../../server/src/core/rules/closestSlug';

/** The same search without any filtering: the reference the fast one must agree with. */
function bruteForceClosest(target: string, candidates: readonly string[], exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const limit = Math.max(2, Math.floor(target.length * 0.2));
  const scored = candidates
    .filter((c) => c !== target && c !== exclude)
    .map((c) => ({ c, d: distance(target, c) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return scored[0]?.c;
}

/** Words that share many grams, as the words of real slugs do (`-ion`, `-ing`, `trust`/`rust`). */
const word = fc.constantFrom('trust', 'rust', 'circle', 'circles', 'care', 'commons', 'common', 'governance', 'nation', 'action', 'acting', 'ing', 'a', 'emotional', 'safety', 'é', '🌱');
const slugLike = fc.array(word, { minLength: 1, maxLength: 7 }).map((words) => words.join('-'));

/** Up to 12 edits (insertions, deletions, substitutions) of a text, at positions taken modulo its length. */
const edits = fc.array(fc.tuple(fc.constantFrom('insert', 'delete', 'substitute'), fc.nat(), fc.constantFrom('a', 'e', 'i', '-', 'x', 'n', '🌱')), { maxLength: 12 });
function edited(text: string, changes: readonly (readonly [string, number, string])[]): string {
  let out = text;
  for (const [kind, at, char] of changes) {
    const i = at % (out.length + 1);
    if (kind === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else if (i < out.length) out = out.slice(0, i) + (kind === 'substitute' ? char : '') + out.slice(i + 1);
  }
  return out;
}

describe('closestSlug (the "did you mean" of broken links)', () => {
  const slugs = ['emotional-safety', 'trust-circle', 'trust-circles', 'commons-governance', 'a', 'ab'];

  it('suggests a slug at most 2 edits away', () => {
    assert.equal(closestSlug('emotional-safetey', slugs), 'emotional-safety');
    assert.equal(closestSlug('Emotional-Safety', slugs), 'emotional-safety');
    assert.equal(closestSlug('trust-cirlce', slugs), 'trust-circle');
  });

  it('allows 20% of a long target, and no more', () => {
    const long = 'participatory-budgeting-for-neighbourhoods'; // 42 characters: 8 edits allowed
    assert.equal(closestSlug('particpatory-budgetting-for-neighborhods', [long]), long);
    assert.equal(closestSlug('xarticipatory-budgeting-for-neighbxxxxxxxxx', [long]), undefined);
    assert.equal(closestSlug('trust-cxxxxx', slugs), undefined);
  });

  it('prefers the closest, then the alphabetically first, and never the excluded or identical slug', () => {
    assert.equal(closestSlug('trust-circl', slugs), 'trust-circle');
    assert.equal(closestSlug('ac', ['ab', 'aa', 'ad']), 'aa');
    assert.equal(closestSlug('trust-circle', slugs), 'trust-circles');
    assert.equal(closestSlug('trust-circl', slugs, 'trust-circle'), 'trust-circles');
    assert.equal(closestSlug('', slugs), undefined);
  });

  it('compares a target of 8 characters or fewer with every slug of a near length', () => {
    // Too short to be cut into pieces of 3: 2 edits, wherever they are, even if no 3 characters survive together.
    assert.equal(closestSlug('cxrxlx', ['circle', 'cirxle']), 'cirxle');
    assert.equal(closestSlug('cxrxle', ['circle']), 'circle');
    assert.equal(closestSlug('axcxexgh', ['abcdefgh', 'abcdefghij']), undefined);
    assert.equal(closestSlug('abxdexgh', ['abcdefgh', 'abcdefghij']), 'abcdefgh');
    assert.equal(closestSlug('x', ['a', 'ab', 'abc', 'abcd']), 'a');
  });

  it('finds a slug with a single piece intact, moved by the edits, from 9 characters on', () => {
    // 9 characters: 2 edits, 3 pieces ('xyz', 'abc', 'def').
    assert.equal(closestSlug('xyzabcdef', ['xQzabXcdef']), 'xQzabXcdef'); // only 'def' intact, 1 further on
    assert.equal(closestSlug('xyzabcdef', ['xyQzabQcdef']), 'xyQzabQcdef'); // only 'def' intact, 2 further on
    assert.equal(closestSlug('xyzabcdef', ['Qyzabcdf']), 'Qyzabcdf'); // only 'abc' intact
    assert.equal(closestSlug('xyzabcdef', ['--xyzabcdef', 'xyzabcdef--']), '--xyzabcdef'); // all intact, moved or not
    assert.equal(closestSlug('xyzabcdef', ['xQzaQcdQf', 'QQQabcdef-QQ']), undefined); // no piece intact; intact but 3 edits
  });

  it('finds a long target among slugs made of the same words', () => {
    const long = 'commons-governance-and-emotional-safety-in-trust-circles-of-care'; // 64 characters: 12 edits allowed
    const others = ['commons-governance', 'emotional-safety', 'trust-circles', 'circles-of-care-and-commons-governance-in-emotional-safety-trust'];
    assert.equal(closestSlug('comons-governanse-and-emotionl-safety-in-trust-circle-of-cares', [...others, long]), long);
    assert.equal(closestSlug('xxxxxx-governance-and-emotional-safety-in-trust-xxxxxxx-of-xxxx', [...others, long]), undefined);
  });

  it('agrees with an unfiltered search: the filters never discard the closest slug', () => {
    const slugText = fc.stringOf(fc.constantFrom('a', 'b', 'c', 'e', '-', '🌱', 'é'), { minLength: 0, maxLength: 24 });
    fc.assert(fc.property(slugText, fc.array(slugText, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), (target, candidates, edits) => {
      // Add near-misses of the target, so that there is often something to find.
      const nearMisses = edits.map((e, i) => target.slice(0, e % (target.length + 1)) + 'bc'.slice(0, i % 3) + target.slice((e % (target.length + 1)) + (i % 2)));
      const all = [...candidates, ...nearMisses];
      assert.equal(closestSlug(target, all), bruteForceClosest(target, all));
    }), { numRuns: 2000, seed: 42 });
  });

  it('agrees with an unfiltered search on slug-like texts edited near and beyond the limit, with one set for many targets', () => {
    const slugSet = fc.uniqueArray(slugLike, { minLength: 1, maxLength: 150 });
    const query = fc.tuple(fc.nat(), edits, fc.option(fc.nat(), { nil: undefined }));
    fc.assert(fc.property(slugSet, fc.array(query, { minLength: 1, maxLength: 12 }), (all, queries) => {
      const set = new SlugCandidates(all);
      for (const [pick, changes, excluded] of queries) {
        const target = edited(all[pick % all.length], changes);
        const exclude = excluded === undefined ? undefined : all[excluded % all.length];
        assert.equal(closestSlug(target, set, exclude), bruteForceClosest(target, all, exclude), `target ${JSON.stringify(target)}`);
      }
    }), { numRuns: 400, seed: 7 });
  });

  it('agrees with an unfiltered search on repetitive texts, whose pieces share grams', () => {
    const repetitive = fc.stringOf(fc.constantFrom('a', 'aa', 'ab', '-'), { minLength: 0, maxLength: 40 });
    fc.assert(fc.property(repetitive, fc.uniqueArray(repetitive, { maxLength: 40 }), (target, all) => {
      assert.equal(closestSlug(target, all), bruteForceClosest(target, all));
    }), { numRuns: 1000, seed: 3 });
  });

  it('finds a near miss among 20,000 slugs', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `pattern-${(i * 7919).toString(36)}-${'x'.repeat(i % 30)}`);
    assert.equal(closestSlug(`${many[12_345]}q`, many), many[12_345]);
  });
});
