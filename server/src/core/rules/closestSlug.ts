import { distance } from 'fastest-levenshtein';

/** Bits of a slug's character-pair set: 256, sparse for slugs of a few dozen characters. */
const MASK_WORDS = 8;
const MASK_BITS = MASK_WORDS * 32;
const FOLDED_WORDS = 2;

/**
 * The workspace's slugs grouped by length, with the set of character pairs of each hashed into a bit
 * mask (MASK_WORDS words per slug, in one array), made once per set of slugs (the index memoizes it)
 * for closestSlug's filters.
 */
export class SlugCandidates {
  /** The slugs ordered by length. */
  readonly slugs: readonly string[];
  readonly masks: Uint32Array;
  /** Each mask folded to FOLDED_WORDS words (OR of its words): a cheaper, weaker first filter. */
  readonly folded: Uint32Array;
  /** `byLength[n]` is the first position in `slugs` of a slug of length n or more (up to the longest + 1). */
  readonly byLength: Uint32Array;

  constructor(slugs: Iterable<string>) {
    this.slugs = [...slugs].sort((a, b) => a.length - b.length);
    this.masks = new Uint32Array(this.slugs.length * MASK_WORDS);
    this.slugs.forEach((slug, i) => pairMask(slug, this.masks, i * MASK_WORDS));
    this.folded = new Uint32Array(this.slugs.length * FOLDED_WORDS);
    for (let i = 0; i < this.slugs.length; i++) fold(this.masks, i * MASK_WORDS, this.folded, i * FOLDED_WORDS);
    const longest = this.slugs.length ? this.slugs[this.slugs.length - 1].length : 0;
    this.byLength = new Uint32Array(longest + 2);
    let i = 0;
    for (let n = 0; n <= longest + 1; n++) {
      while (i < this.slugs.length && this.slugs[i].length < n) i++;
      this.byLength[n] = i;
    }
  }
}

/**
 * The slug closest to a misspelt target, for a "did you mean" hint: at most 2 edits, or 20% of the
 * target's length when that is more. Ties go to the alphabetically first slug so that the hint is stable.
 *
 * It runs once per broken target over the slugs of the workspace (3,600–20,000), so two lower bounds
 * of the edit distance discard candidates before it is computed: the length difference, and the
 * candidate's character pairs missing from the target (an edit breaks at most two adjacent pairs, so
 * more than 2·d missing pairs means more than d edits). Missing pairs are counted as bits of the
 * candidate's pair mask that the target's lacks: pairs sharing a bit count once, so the count can only
 * be lower than the true one and the bound stays safe; the mask folded to 64 bits gives a weaker bound
 * at a quarter of the cost, tried first. Slugs are visited by length, the target's
 * length first and then outwards, so that a close match found early narrows the lengths still to visit.
 * Every slug at the final best distance is within every bound used along the way, so the answer does
 * not depend on the order of the visit.
 */
export function closestSlug(target: string, candidates: Iterable<string> | SlugCandidates, exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const set = candidates instanceof SlugCandidates ? candidates : new SlugCandidates(candidates);
  const { slugs, masks, folded, byLength } = set;
  const targetMask = pairMask(target, new Uint32Array(MASK_WORDS), 0);
  const targetFolded = fold(targetMask, 0, new Uint32Array(FOLDED_WORDS), 0);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length * 0.2));
  const longest = byLength.length - 2;
  for (let offset = 0; offset <= bestDistance; offset++) {
    for (const length of offset === 0 ? [target.length] : [target.length - offset, target.length + offset]) {
      if (length < 0 || length > longest || offset > bestDistance) continue;
      for (let i = byLength[length], last = byLength[length + 1]; i < last; i++) {
        const candidate = slugs[i];
        if (candidate === target || candidate === exclude) continue;
        if (missingBits(folded, i * FOLDED_WORDS, targetFolded, FOLDED_WORDS) > 2 * bestDistance) continue;
        if (missingBits(masks, i * MASK_WORDS, targetMask, MASK_WORDS) > 2 * bestDistance) continue;
        const d = distance(target, candidate);
        if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
  }
  return best;
}

/** Sets the bits of the text's character pairs in `masks` from `at` on; returns `masks`. */
function pairMask(text: string, masks: Uint32Array, at: number): Uint32Array {
  for (let i = 1; i < text.length; i++) {
    const bit = ((text.charCodeAt(i - 1) * 31 + text.charCodeAt(i)) >>> 0) % MASK_BITS;
    masks[at + (bit >> 5)] |= 1 << (bit & 31);
  }
  return masks;
}

/**
 * Folds a mask to FOLDED_WORDS words. A bit the target's folded mask lacks is lacked by every word of
 * its mask folded there, so the folded count of missing bits is never above the full one: still a bound.
 */
function fold(masks: Uint32Array, at: number, into: Uint32Array, intoAt: number): Uint32Array {
  for (let w = 0; w < MASK_WORDS; w++) into[intoAt + (w % FOLDED_WORDS)] |= masks[at + w];
  return into;
}

/** The bits of the candidate's mask (`words` words in `masks` from `at`) that `target` lacks. */
function missingBits(masks: Uint32Array, at: number, target: Uint32Array, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += bitCount(masks[at + w] & ~target[w]);
  return count;
}

function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
