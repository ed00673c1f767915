import { distance } from 'fastest-levenshtein';
import { GRAM, SlugCandidates } from './slugCandidates';

export { SlugCandidates };

/** Buckets of the table of the target's character pairs (hashed), for the pair filter. */
const PAIR_BUCKETS = 1 << 12;

/**
 * The slug closest to a misspelt target, for a "did you mean" hint: at most 2 edits, or 20% of the
 * target's length when that is more. Ties go to the alphabetically first slug so that the hint is stable.
 *
 * It runs once per broken target over the slugs of the workspace (3,600–20,000), and most targets have no
 * slug that close, so nearly every slug must be ruled out without computing its distance. The target is cut
 * into as many pieces of GRAM or GRAM + 1 code units as fit, p. d edits change at most d pieces (an insertion
 * between two pieces changes neither) and move the others by at most d, so a slug within d edits contains
 * p − d of the pieces, each within d of its place in the target. The slugs' gram index gives for each piece
 * the slugs containing its rarest gram, which include those containing the piece: only a slug listed for at
 * least p − limit pieces, and of a length within the limit, is looked at. Its pieces are then checked in
 * place, then its character pairs (an edit breaks at most two adjacent pairs of the slug, so more than 2·d
 * of them missing from the target means more than d edits; pairs are hashed, which can only find more of
 * them), and only then the distance computed. A target too short for p to exceed the limit (8 code units or
 * fewer) is compared with every slug of a length within the limit instead. Every filter takes the best
 * distance found so far as d, and every slug at the final best distance passes them all whatever the order
 * of the visit, so the answer does not depend on it.
 */
export function closestSlug(target: string, candidates: Iterable<string> | SlugCandidates, exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const set = candidates instanceof SlugCandidates ? candidates : new SlugCandidates(candidates);
  const limit = Math.max(2, Math.floor(target.length * 0.2));
  return target.length < GRAM * (limit + 1) ? closestByLength(target, set, exclude, limit) : closestByPieces(target, set, exclude, limit);
}

/** The search of a short target: every slug of a length within the limit. */
function closestByLength(target: string, set: SlugCandidates, exclude: string | undefined, limit: number): string | undefined {
  const slugs = set.slugs;
  let best: string | undefined;
  let bestDistance = limit;
  for (let i = set.firstOfLength(target.length - limit), last = set.firstOfLength(target.length + limit + 1); i < last; i++) {
    const candidate = slugs[i];
    if (candidate === target || candidate === exclude || Math.abs(candidate.length - target.length) > bestDistance) continue;
    const d = distance(target, candidate);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The search of a longer target: the slugs that contain enough of its pieces. */
function closestByPieces(target: string, set: SlugCandidates, exclude: string | undefined, limit: number): string | undefined {
  const count = Math.floor(target.length / GRAM);
  const pieces: string[] = new Array(count);
  const starts: number[] = new Array(count);
  const buckets: number[] = new Array(count);
  for (let j = 0, start = 0; j < count; j++) {
    const end = Math.floor(((j + 1) * target.length) / count);
    pieces[j] = target.slice(start, end);
    starts[j] = start;
    buckets[j] = set.rarestGram(target, start, end);
    start = end;
  }
  const found = set.listedAtLeast(buckets, count - limit, set.firstOfLength(target.length - limit), set.firstOfLength(target.length + limit + 1));
  const slugs = set.slugs;
  let best: string | undefined;
  let bestDistance = limit;
  // 4 KB a search, allocated and zeroed in a microsecond: cheaper than sharing one table safely.
  const targetPairs = pairsOf(target);
  for (let f = 0; f < found.length; f++) {
    const candidate = slugs[found[f]];
    if (candidate === target || candidate === exclude || Math.abs(candidate.length - target.length) > bestDistance) continue;
    if (!containsPieces(candidate, pieces, starts, bestDistance, count - bestDistance)) continue;
    if (missingPairs(candidate, targetPairs, 2 * bestDistance) > 2 * bestDistance) continue;
    const d = distance(target, candidate);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether `want` of the pieces occur in the candidate, each at most `slack` from its start in the target. */
function containsPieces(candidate: string, pieces: readonly string[], starts: readonly number[], slack: number, want: number): boolean {
  let found = 0;
  for (let j = 0; j < pieces.length && found < want && found + pieces.length - j >= want; j++) {
    const at = candidate.indexOf(pieces[j], starts[j] - slack);
    if (at >= 0 && at <= starts[j] + slack) found++;
  }
  return found >= want;
}

/** A table of the text's adjacent character pairs: 1 where one of them hashes. */
function pairsOf(text: string): Uint8Array {
  const pairs = new Uint8Array(PAIR_BUCKETS);
  for (let i = 1; i < text.length; i++) pairs[(text.charCodeAt(i - 1) * 67 + text.charCodeAt(i)) & (PAIR_BUCKETS - 1)] = 1;
  return pairs;
}

/** The candidate's adjacent pairs (each occurrence) missing from `targetPairs`, counted up to `limit` + 1. */
function missingPairs(candidate: string, targetPairs: Uint8Array, limit: number): number {
  let missing = 0;
  for (let i = 1; i < candidate.length && missing <= limit; i++) {
    if (targetPairs[(candidate.charCodeAt(i - 1) * 67 + candidate.charCodeAt(i)) & (PAIR_BUCKETS - 1)] === 0) missing++;
  }
  return missing;
}
