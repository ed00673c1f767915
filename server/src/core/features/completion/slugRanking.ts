import type { PatternSummary } from '../../workspace/patternSummary';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';

/** How well a pattern matches what is typed; lower is better. */
const enum MatchRank {
  SlugPrefix = 0,
  TitleWordPrefix = 1,
  SlugSegmentPrefix = 2,
  Substring = 3,
  Subsequence = 4,
}

export interface RankedPatterns {
  readonly patterns: readonly PatternSummary[];
  /** True when matching patterns were left out (by the typed text or the cap): the client must ask again. */
  readonly incomplete: boolean;
}

/**
 * The patterns whose slug or title matches the typed text, best first: slug prefix, then a title
 * word's prefix, then a slug segment's prefix (`safety` in `emotional-safety`), then any substring,
 * then the letters in order (what a client's fuzzy filter may still show). At most `limit`, so a
 * library of 20,000 slugs answers in milliseconds.
 */
export function rankPatterns(index: WorkspaceIndex, typed: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const query = typed.trim().toLowerCase();
  const buckets: PatternSummary[][] = [[], [], [], [], []];
  let candidates = 0;
  // One pass over the summaries (a slug declared twice is offered once).
  const seen = new Set<string>();
  for (const summary of index.all()) {
    const slug = summary.slug;
    if (exclude.has(slug) || seen.has(slug)) continue;
    seen.add(slug);
    candidates++;
    const rank = query === '' ? MatchRank.SlugPrefix : matchRank(summary, query);
    if (rank !== undefined) buckets[rank].push(summary);
  }
  const patterns: PatternSummary[] = [];
  let matched = 0;
  for (const bucket of buckets) {
    matched += bucket.length;
    if (patterns.length >= limit) continue;
    bucket.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    patterns.push(...bucket.slice(0, limit - patterns.length));
  }
  return { patterns, incomplete: matched > patterns.length || matched < candidates };
}

function matchRank(summary: PatternSummary, query: string): MatchRank | undefined {
  const slug = summary.slug.toLowerCase();
  if (slug.startsWith(query)) return MatchRank.SlugPrefix;
  const title = summary.title?.toLowerCase() ?? '';
  if (hasWordStartingWith(title, query)) return MatchRank.TitleWordPrefix;
  if (hasWordStartingWith(slug, query)) return MatchRank.SlugSegmentPrefix;
  if (slug.includes(query) || title.includes(query)) return MatchRank.Substring;
  if (isSubsequence(query, slug) || isSubsequence(query, title)) return MatchRank.Subsequence;
  return undefined;
}

/** True when `query` occurs in `text` at the start of a word (after a non-letter, non-digit or at the start). */
function hasWordStartingWith(text: string, query: string): boolean {
  for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + 1)) {
    if (i === 0 || !WORD_CHAR.test(text[i - 1])) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isSubsequence(query: string, text: string): boolean {
  let q = 0;
  for (let i = 0; i < text.length && q < query.length; i++) if (text.charCodeAt(i) === query.charCodeAt(q)) q++;
  return q === query.length;
}
