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
 * Slugs the letters-in-order tier looks at (in slug order) before it stops: up to this many names it
 * answers exactly as a pass over all of them would; beyond, it shows the matches among the first ones
 * (the start of the full answer) and marks the list incomplete, so one keystroke costs the same in a
 * library of 20,000 patterns as in one of 2,000.
 */
export const MAX_SUBSEQUENCE_VISITS = 2000;

/**
 * The patterns whose slug or title matches the typed text, best first: slug prefix, then a title
 * word's prefix, then a slug segment's prefix (`safety` in `emotional-safety`), then any substring,
 * then the letters in order (what a client's fuzzy filter may still show). At most `limit`, so a
 * library of 20,000 slugs answers in well under a millisecond: when `limit` slugs start with the typed
 * text, they come from the index's sorted slugs by binary search; otherwise the first three tiers come
 * from its sorted name words, the substrings from its name grams, and the letters-in-order matches
 * from a walk of the sorted slugs bounded by `MAX_SUBSEQUENCE_VISITS`.
 */
export function rankPatterns(index: WorkspaceIndex, typed: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const query = typed.trim().toLowerCase();
  if (query === '') return firstSlugs(index, exclude, limit);
  return slugPrefixRanking(index, query, exclude, limit) ?? wordIndexRanking(index, query, exclude, limit);
}

/**
 * Tiers 1–3 (slug prefix, title word, slug segment) from the index's sorted name words; only when
 * they give fewer than `limit` patterns do the substring tier (from the name grams) and then the
 * letters-in-order tier (a bounded walk in slug order) fill the rest.
 */
function wordIndexRanking(index: WorkspaceIndex, query: string, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const best = new Map<NamedPattern, MatchRank>();
  index.forEachNameWordStartingWith(query, (named, tier) => {
    if (!isOffered(index, exclude, named)) return;
    const rank = tier as number as MatchRank;
    const before = best.get(named);
    if (before === undefined || rank < before) best.set(named, rank);
  });
  const patterns = [...best].sort(([a, rankA], [b, rankB]) => rankA - rankB || compareSlugs(a.summary, b.summary)).map(([named]) => named.summary);
  if (patterns.length >= limit) return filledList(index, exclude, patterns.slice(0, limit), limit);
  patterns.push(...substringMatches(index, query, exclude, best, limit - patterns.length));
  if (patterns.length >= limit) return filledList(index, exclude, patterns, limit);
  const queryMask = charMaskOf(query);
  const inOrder = walkSlugs(index, exclude, best, limit - patterns.length, MAX_SUBSEQUENCE_VISITS, (named) => {
    if ((queryMask & ~named.charMask) !== 0 || contains(named, query)) return false;
    return isSubsequence(query, named.slugLower) || isSubsequence(query, named.titleLower);
  });
  patterns.push(...inOrder.patterns);
  if (patterns.length >= limit) return filledList(index, exclude, patterns, limit);
  // Short of `limit`, every match is shown once the walk reached the last slug: the list is then
  // complete only if every candidate matched. A walk cut short may have missed matches.
  return { patterns, incomplete: !inOrder.complete || patterns.length < candidateCount(index, exclude) };
}

/** A list of exactly `limit` matches: complete only when nothing else could match at all. */
function filledList(index: WorkspaceIndex, exclude: ReadonlySet<string>, patterns: PatternSummary[], limit: number): RankedPatterns {
  return { patterns, incomplete: candidateCount(index, exclude) > limit };
}

/**
 * The first `need` patterns by slug (not in `best`) whose slug or title contains the query: from the
 * files holding its rarest gram, unless that gram is so common that a walk of the slugs in order finds
 * `need` sooner (about need × slugs ÷ matches steps); a walk that has not found them within as many
 * steps as the gram has files falls back to those files. Either way: every match, up to `need`.
 */
function substringMatches(index: WorkspaceIndex, query: string, exclude: ReadonlySet<string>, best: ReadonlyMap<NamedPattern, MatchRank>, need: number): PatternSummary[] {
  const candidates = index.namesPossiblyContaining(query);
  if (candidates.size * candidates.size > need * index.slugCount) {
    const walked = walkSlugs(index, exclude, best, need, candidates.size, (named) => contains(named, query));
    if (walked.complete || walked.patterns.length >= need) return walked.patterns;
  }
  const found: PatternSummary[] = [];
  candidates.forEach((named) => {
    if (!best.has(named) && contains(named, query) && isOffered(index, exclude, named)) found.push(named.summary);
  });
  return found.sort(compareSlugs).slice(0, need);
}

/**
 * Walks the distinct slugs in order, each as its first file in index order declares it, and collects
 * the offered patterns not in `best` that `matches`, until `need` are found or `budget` files were
 * looked at. `complete` says the walk reached the last file (so nothing that matches was left out).
 */
function walkSlugs(index: WorkspaceIndex, exclude: ReadonlySet<string>, best: ReadonlyMap<NamedPattern, MatchRank>, need: number, budget: number, matches: (named: NamedPattern) => boolean): { patterns: PatternSummary[]; complete: boolean } {
  const names = index.namesInSlugOrder();
  const end = Math.min(names.length, budget);
  const patterns: PatternSummary[] = [];
  let previous: string | undefined;
  let at = 0;
  for (; at < end && patterns.length < need; at++) {
    const named = names[at];
    const slug = named.summary.slug;
    if (slug === previous) continue; // a later file of a duplicated slug
    previous = slug;
    if (!exclude.has(slug) && matches(named) && !best.has(named)) patterns.push(named.summary);
  }
  return { patterns, complete: at === names.length };
}

/** Not excluded, and the first file in index order of its slug (a duplicated slug is offered once). */
function isOffered(index: WorkspaceIndex, exclude: ReadonlySet<string>, named: NamedPattern): boolean {
  const slug = named.summary.slug;
  return !exclude.has(slug) && !(index.isDuplicatedSlug(slug) && index.firstNamed(slug) !== named);
}

function contains(named: NamedPattern, query: string): boolean {
  return named.slugLower.includes(query) || named.titleLower.includes(query);
}

function compareSlugs(a: PatternSummary, b: PatternSummary): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Nothing typed: every candidate matches; the first `limit` slugs in order. */
function firstSlugs(index: WorkspaceIndex, exclude: ReadonlySet<string>, limit: number): RankedPatterns {
  const { patterns } = walkSlugs(index, exclude, NO_MATCHES, limit, Infinity, () => true);
  return { patterns, incomplete: candidateCount(index, exclude) > patterns.length };
}

const NO_MATCHES: ReadonlyMap<NamedPattern, MatchRank> = new Map();

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

/** True when the query's code units occur in `text` in order; each found by `indexOf` (native, much faster than a loop here). */
function isSubsequence(query: string, text: string): boolean {
  let at = -1;
  for (let q = 0; q < query.length; q++) {
    at = text.indexOf(query[q], at + 1);
    if (at < 0) return false;
  }
  return true;
}
