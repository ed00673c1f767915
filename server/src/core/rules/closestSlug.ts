import { distance } from 'fastest-levenshtein';

/**
 * The slug closest to a misspelt target, for a "did you mean" hint: at most 2 edits, or 20% of the
 * target's length when that is more. Ties go to the alphabetically first slug so that the hint is stable.
 *
 * It runs once per broken target over every slug of the workspace (3,600–20,000) on each keystroke,
 * so two lower bounds of the edit distance discard candidates before it is computed: the length
 * difference, and the candidate's character pairs missing from the target (an edit breaks at most
 * two adjacent pairs, so more than 2·d missing pairs means more than d edits).
 */
export function closestSlug(target: string, candidates: Iterable<string>, exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const targetPairs = pairTable(target);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length * 0.2));
  for (const candidate of candidates) {
    if (candidate === target || candidate === exclude) continue;
    if (Math.abs(candidate.length - target.length) > bestDistance) continue;
    if (missingPairsExceed(candidate, targetPairs, 2 * bestDistance)) continue;
    const d = distance(target, candidate);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Which character pairs occur in a text, hashed on 7 bits per character (collisions only make the bound weaker). */
function pairTable(text: string): Uint8Array {
  const table = new Uint8Array(1 << 14);
  for (let i = 1; i < text.length; i++) table[pairKey(text.charCodeAt(i - 1), text.charCodeAt(i))] = 1;
  return table;
}

function missingPairsExceed(candidate: string, targetPairs: Uint8Array, allowed: number): boolean {
  let missing = 0;
  for (let i = 1; i < candidate.length; i++) {
    if (targetPairs[pairKey(candidate.charCodeAt(i - 1), candidate.charCodeAt(i))] === 0 && ++missing > allowed) return true;
  }
  return false;
}

function pairKey(first: number, second: number): number {
  return ((first & 127) << 7) | (second & 127);
}
