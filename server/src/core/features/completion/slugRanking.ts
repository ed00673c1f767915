import type { PatternSummary } from '../../workspace/patternSummary';
import { charMaskOf, lowerBound, type NamedPattern } from '../../workspace/slugCatalog';
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
 * library of 20,000 slugs answers in milliseconds: when `limit` slugs start with the typed text,
 * they come from the index's sorted slugs by binary search; otherwise one pass over the index's
 * pre-lowered names ranks them all.
 */
export function rankPatterns(index: WorkspaceIndex, typed: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const query = typed.trim().toLowerCase();
  if (query === '') return scanRanking(index, query, exclude, limit);
  return slugPrefixRanking(index, query, exclude, limit) ?? wordIndexRanking(index, query, exclude, limit);
}

/**
 * Tiers 1–3 (slug prefix, title word, slug segment) from the index's sorted name words; only when
 * they give fewer than `limit` patterns does a pass over all names look for substrings and
 * subsequences, skipping by a character mask the names that cannot hold the query's letters.
 */
function wordIndexRanking(index: WorkspaceIndex, query: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const best = new Map<NamedPattern, MatchRank>();
  index.forEachNameWordStartingWith(query, (named, tier) => {
    const slug = named.summary.slug;
    if (exclude.has(slug) || (index.isDuplicatedSlug(slug) && index.firstNamed(slug) !== named)) return;
    const rank = tier as number as MatchRank;
    const before = best.get(named);
    if (before === undefined || rank < before) best.set(named, rank);
  });
  const top = [...best].sort(([a, rankA], [b, rankB]) => rankA - rankB || compareSlugs(a.summary, b.summary)).map(([named]) => named.summary);
  if (top.length >= limit) {
    // `limit` matches are shown, so the list is complete only when nothing else could match at all.
    return { patterns: top.slice(0, limit), incomplete: candidateCount(index, exclude) > limit };
  }
  const substrings: PatternSummary[] = [];
  const subsequences: PatternSummary[] = [];
  const queryMask = charMaskOf(query);
  const candidates = forEachCandidate(index, exclude, (named) => {
    if ((queryMask & ~named.charMask) !== 0 || best.has(named)) return;
    const { slugLower, titleLower } = named;
    if (slugLower.includes(query) || titleLower.includes(query)) substrings.push(named.summary);
    else if (isSubsequence(query, slugLower) || isSubsequence(query, titleLower)) subsequences.push(named.summary);
  });
  const matched = top.length + substrings.length + subsequences.length;
  const patterns = top;
  for (const bucket of [substrings, subsequences]) {
    if (patterns.length >= limit) break;
    bucket.sort(compareSlugs);
    patterns.push(...bucket.slice(0, limit - patterns.length));
  }
  return { patterns, incomplete: matched > patterns.length || matched < candidates };
}

function compareSlugs(a: PatternSummary, b: PatternSummary): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * Visits each pattern that may be offered — not excluded, each slug once (as its first file in index
 * order declares it) — and returns how many there were.
 */
function forEachCandidate(index: WorkspaceIndex, exclude: ReadonlySet<string>, visit: (named: NamedPattern) => void): number {
  let candidates = 0;
  // Only duplicated slugs (rare: a `duplicate-slug` error) need remembering, not all 20,000.
  let seenDuplicates: Set<string> | undefined;
  for (const named of index.namedPatterns()) {
    const slug = named.summary.slug;
    if (exclude.has(slug)) continue;
    if (index.isDuplicatedSlug(slug)) {
      if (seenDuplicates?.has(slug)) continue;
      (seenDuplicates ??= new Set()).add(slug);
    }
    candidates++;
    visit(named);
  }
  return candidates;
}

/** Distinct slugs that are not excluded. */
function candidateCount(index: WorkspaceIndex, exclude: ReadonlySet<string>): number {
  let excludedSlugs = 0;
  for (const slug of exclude) if (index.bySlugFirst(slug)) excludedSlugs++;
  return index.slugCount - excludedSlugs;
}

/**
 * The answer when at least `limit` slugs start with the query: those slugs in order, found by binary
 * search. Undefined when fewer match (the other tiers are needed), when a slug has upper-case letters
 * (the sorted order is of slugs, the match of lower-cased slugs), or for no limit.
 */
function slugPrefixRanking(index: WorkspaceIndex, query: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns | undefined {
  if (limit <= 0 || index.hasMixedCaseSlugs) return undefined;
  const sorted = index.sortedSlugs();
  const slugs: string[] = [];
  for (let i = lowerBound(sorted, query); i < sorted.length && slugs.length < limit && sorted[i].startsWith(query); i++) {
    if (!exclude.has(sorted[i])) slugs.push(sorted[i]);
  }
  if (slugs.length < limit) return undefined;
  // `limit` matches are shown, so the list is complete only when nothing else could match at all.
  return { patterns: slugs.map((slug) => index.firstNamed(slug)!.summary), incomplete: candidateCount(index, exclude) > limit };
}

/** Ranks every pattern (each slug once, as its first file in index order declares it). */
function scanRanking(index: WorkspaceIndex, query: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const buckets: PatternSummary[][] = [[], [], [], [], []];
  const candidates = forEachCandidate(index, exclude, (named) => {
    const rank = query === '' ? MatchRank.SlugPrefix : matchRank(named.slugLower, named.titleLower, query);
    if (rank !== undefined) buckets[rank].push(named.summary);
  });
  const patterns: PatternSummary[] = [];
  let matched = 0;
  for (const bucket of buckets) {
    matched += bucket.length;
    if (patterns.length >= limit) continue;
    bucket.sort(compareSlugs);
    patterns.push(...bucket.slice(0, limit - patterns.length));
  }
  return { patterns, incomplete: matched > patterns.length || matched < candidates };
}

function matchRank(slug: string, title: string, query: string): MatchRank | undefined {
  if (slug.startsWith(query)) return MatchRank.SlugPrefix;
  // One search per text serves the word-prefix and the substring tiers (most patterns match neither).
  const titleAt = title.indexOf(query);
  const slugAt = slug.indexOf(query);
  if (titleAt >= 0 && hasWordStartingWith(title, query, titleAt)) return MatchRank.TitleWordPrefix;
  if (slugAt >= 0 && hasWordStartingWith(slug, query, slugAt)) return MatchRank.SlugSegmentPrefix;
  if (slugAt >= 0 || titleAt >= 0) return MatchRank.Substring;
  if (isSubsequence(query, slug) || isSubsequence(query, title)) return MatchRank.Subsequence;
  return undefined;
}

/** True when `query` occurs in `text` at the start of a word (after a non-letter, non-digit or at the start), searching from its first occurrence `first`. */
function hasWordStartingWith(text: string, query: string, first: number): boolean {
  for (let i = first; i >= 0; i = text.indexOf(query, i + 1)) {
    if (i === 0 || !WORD_CHAR.test(text[i - 1])) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the query's code units occur in `text` in order; each found by `indexOf` (native, much faster than a loop here). */
function isSubsequence(query: string, text: string): boolean {
  let at = -1;
  for (let q = 0; q < query.length; q++) {
    at = text.indexOf(query[q], at + 1);
    if (at < 0) return false;
  }
  return true;
}
