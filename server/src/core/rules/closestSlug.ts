import { distance } from 'fastest-levenshtein';

/**
 * The slug closest to a misspelt target, for a "did you mean" hint: at most 2 edits, or 20% of the
 * target's length when that is more. Runs once per broken target over every slug of the workspace
 * (3,600–20,000), so candidates whose length alone rules them out are skipped before the edit
 * distance is computed: the length difference is a lower bound of the distance.
 * Ties go to the alphabetically first slug so that the hint is stable.
 */
export function closestSlug(target: string, candidates: Iterable<string>, exclude?: string): string | undefined {
  if (target.length === 0) return undefined;
  const limit = Math.max(2, Math.floor(target.length * 0.2));
  let best: string | undefined;
  let bestDistance = limit;
  for (const candidate of candidates) {
    if (candidate === target || candidate === exclude) continue;
    if (Math.abs(candidate.length - target.length) > bestDistance) continue;
    const d = distance(target, candidate);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
