import { distance } from 'fastest-levenshtein';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';

export interface SlugSuggestion {
  readonly slug: string;
  /** Edit distance from the target. */
  readonly distance: number;
  /** Lower is closer: edit distance and shared title words combined. */
  readonly score: number;
}

/** Share of the target's length that may differ for a candidate to count as a misspelling. */
const MAX_EDIT_SHARE = 0.4;
/** Share of the target's words that a candidate's slug or title must contain to count without being a misspelling. */
const MIN_WORD_SHARE = 0.5;

/**
 * The existing slugs closest to a broken target, best first: close in edit distance (a typo,
 * `emotional-safetey`) or sharing most of its words with the candidate's slug or title
 * (`safety-emotional`, or a pattern titled "Emotional Safety in Teams"). One pass over the
 * index with one edit distance (bit-parallel, fastest-levenshtein) and one word split per pattern,
 * keeping only the best few: a few milliseconds for 20,000 patterns.
 */
export function closestSlugs(index: WorkspaceIndex, target: string, limit: number, exclude?: string): SlugSuggestion[] {
  const wanted = target.trim().toLowerCase();
  const targetWords = wanted.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (wanted === '' || limit <= 0) return [];
  const best: SlugSuggestion[] = [];
  const seen = new Set<string>();
  for (const summary of index.all()) {
    const slug = summary.slug;
    if (slug === target || slug === exclude || seen.has(slug)) continue;
    seen.add(slug);
    const longer = Math.max(wanted.length, slug.length);
    // The length difference is a lower bound of the edit distance: most candidates end here, before the distance is computed.
    const minEditShare = Math.abs(wanted.length - slug.length) / longer;
    const wordShare = sharedWordShare(targetWords, slug, summary.title);
    if (minEditShare > MAX_EDIT_SHARE && wordShare < MIN_WORD_SHARE) continue;
    if (best.length === limit && scoreOf(minEditShare, wordShare) > best[limit - 1].score) continue;
    const d = distance(wanted, slug);
    const editShare = d / longer;
    if (editShare > MAX_EDIT_SHARE && wordShare < MIN_WORD_SHARE) continue;
    insertRanked(best, { slug, distance: d, score: scoreOf(editShare, wordShare) }, limit);
  }
  return best;
}

function scoreOf(editShare: number, wordShare: number): number {
  return 0.6 * editShare + 0.4 * (1 - wordShare);
}

function insertRanked(best: SlugSuggestion[], s: SlugSuggestion, limit: number): void {
  const worse = (a: SlugSuggestion, b: SlugSuggestion) => a.score > b.score || (a.score === b.score && (a.distance > b.distance || (a.distance === b.distance && a.slug > b.slug)));
  if (best.length === limit && !worse(best[best.length - 1], s)) return;
  let i = best.length;
  while (i > 0 && worse(best[i - 1], s)) i--;
  best.splice(i, 0, s);
  if (best.length > limit) best.pop();
}

/** Share of the target's words that are whole words of the slug or the title (no allocation unless the slug lacks one). */
function sharedWordShare(targetWords: readonly string[], slug: string, title: string | undefined): number {
  if (targetWords.length === 0) return 0;
  let lowerTitle: string | undefined;
  let shared = 0;
  for (const word of targetWords) {
    if (hasWord(slug, word)) shared++;
    else if (title !== undefined && hasWord((lowerTitle ??= title.toLowerCase()), word)) shared++;
  }
  return shared / targetWords.length;
}

function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(text, at - 1) && !isWordChar(text, at + word.length)) return true;
  }
  return false;
}

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(text[i]);
}
