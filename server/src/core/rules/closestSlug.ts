import { distance } from 'fastest-levenshtein';

/** Bits of a slug's character-pair set: 256, sparse for slugs of a few dozen characters. */
const MASK_WORDS = 8;
const MASK_BITS = MASK_WORDS * 32;

/**
 * The workspace's slugs with the set of character pairs of each, hashed into a bit mask once (per
 * set of slugs: the index memoizes it), for closestSlug's filter.
 */
export class SlugCandidates {
  readonly slugs: readonly string[];
  readonly masks: readonly Uint32Array[];

  constructor(slugs: Iterable<string>) {
    this.slugs = [...slugs];
    this.masks = this.slugs.map(pairMask);
  }
}

/**
 * The slug closest to a misspelt target, for a "did you mean" hint: at most 2 edits, or 20% of the
 * target's length when that is more. Ties go to the alphabetically first slug so that the hint is stable.
 *
 * It runs once per broken target over every slug of the workspace (3,600–20,000), so two lower bounds
 * of the edit distance discard candidates before it is computed: the length difference, and the
 * candidate's character pairs missing from the target (an edit breaks at most two adjacent pairs, so
 * more than 2·d missing pairs means more than d edits). Missing pairs are counted as bits of the
 * candidate's pair mask that the target's lacks: pairs sharing a bit count once, so the count can only
 * be lower than the true one and the bound stays safe.
 */
export function closestSlug(target: string, candidates: Iterable<string> | SlugCandidates, exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const { slugs, masks } = candidates instanceof SlugCandidates ? candidates : new SlugCandidates(candidates);
  const targetMask = pairMask(target);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length * 0.2));
  for (let i = 0; i < slugs.length; i++) {
    const candidate = slugs[i];
    if (candidate === target || candidate === exclude) continue;
    if (Math.abs(candidate.length - target.length) > bestDistance) continue;
    if (missingPairs(masks[i], targetMask) > 2 * bestDistance) continue;
    const d = distance(target, candidate);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function pairMask(text: string): Uint32Array {
  const mask = new Uint32Array(MASK_WORDS);
  for (let i = 1; i < text.length; i++) {
    const bit = ((text.charCodeAt(i - 1) * 31 + text.charCodeAt(i)) >>> 0) % MASK_BITS;
    mask[bit >> 5] |= 1 << (bit & 31);
  }
  return mask;
}

/** The bits of `candidate` that `target` lacks. */
function missingPairs(candidate: Uint32Array, target: Uint32Array): number {
  let count = 0;
  for (let w = 0; w < MASK_WORDS; w++) count += bitCount(candidate[w] & ~target[w]);
  return count;
}

function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
