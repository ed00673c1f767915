import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { closestSlug } from '../../../server/src/core/rules/closestSlug';

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

  it('agrees with an unfiltered search: the filters never discard the closest slug', () => {
    const slugText = fc.stringOf(fc.constantFrom('a', 'b', 'c', 'e', '-', '🌱', 'é'), { minLength: 0, maxLength: 24 });
    fc.assert(fc.property(slugText, fc.array(slugText, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), (target, candidates, edits) => {
      // Add near-misses of the target, so that there is often something to find.
      const nearMisses = edits.map((e, i) => target.slice(0, e % (target.length + 1)) + 'bc'.slice(0, i % 3) + target.slice((e % (target.length + 1)) + (i % 2)));
      const all = [...candidates, ...nearMisses];
      assert.equal(closestSlug(target, all), bruteForceClosest(target, all));
    }), { numRuns: 2000, seed: 42 });
  });

  it('finds a near miss among 20,000 slugs', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `pattern-${(i * 7919).toString(36)}-${'x'.repeat(i % 30)}`);
    assert.equal(closestSlug(`${many[12_345]}q`, many), many[12_345]);
  });
});
