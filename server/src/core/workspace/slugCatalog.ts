import type { PatternSummary } from './patternSummary';

/** A pattern with its slug and title lower-cased once, for matching what is typed. */
export interface NamedPattern {
  readonly summary: PatternSummary;
  readonly slugLower: string;
  /** The lower-cased title, '' without one. */
  readonly titleLower: string;
  /** Position in the index's file order (the order of `WorkspaceIndex.all()`): lower comes first. */
  readonly order: number;
  /** One bit per code unit (`& 31`) of the lowered slug and title: a query with a bit outside it is no substring or subsequence of either. */
  readonly charMask: number;
}

/** Which name a word-index entry comes from, as the ranking tier it gives: the whole slug, a title word, a later slug segment. */
export const enum NameWordTier {
  Slug = 0,
  TitleWord = 1,
  SlugSegment = 2,
}

/** Entries kept in a slug memo before it is emptied, so typing new broken targets cannot grow it without bound. */
const MAX_MEMO_ENTRIES = 4096;

/**
 * What completion and "did you mean" need on every keystroke, kept by `WorkspaceIndex` so they do
 * not rescan (or re-lower-case) 20,000 summaries per request: the lower-cased names in file order,
 * the distinct slugs sorted (built lazily, then kept in order by insertion), a generation that
 * changes only when the set of distinct slugs changes, and a memo of answers that depend only on it.
 */
export class SlugCatalog {
  private readonly named = new Map<string, NamedPattern>();
  private readonly memo = new Map<string, unknown>();
  private sorted: string[] | undefined;
  private words: NameWordIndex | undefined;
  private nextOrder = 0;
  private mixedCaseSlugs = 0;
  private generation = 0;

  /** Changes whenever a slug appears in or disappears from the workspace. */
  get slugGeneration(): number {
    return this.generation;
  }

  /** True when some slug has upper-case letters (its lower-cased form sorts differently). */
  get hasMixedCaseSlugs(): boolean {
    return this.mixedCaseSlugs > 0;
  }

  /** Records the summary of a file; a file already present keeps its position (as a Map does). */
  setSummary(summary: PatternSummary): void {
    const before = this.named.get(summary.uri);
    if (before && before.summary.slug === summary.slug && before.summary.title === summary.title) {
      this.named.set(summary.uri, { ...before, summary });
      return;
    }
    const slugLower = summary.slug.toLowerCase();
    const titleLower = summary.title?.toLowerCase() ?? '';
    const named = { summary, slugLower, titleLower, order: before?.order ?? this.nextOrder++, charMask: charMaskOf(slugLower) | charMaskOf(titleLower) };
    this.named.set(summary.uri, named);
    if (this.words) {
      if (before) this.words.remove(before);
      this.words.add(named);
    }
  }

  deleteSummary(uri: string): void {
    const before = this.named.get(uri);
    this.named.delete(uri);
    if (before && this.words) this.words.remove(before);
  }

  /**
   * Calls `visit` for every (file, tier) whose lowered slug starts with `query` (tier 0), a title
   * word starts with it (tier 1) or a later slug segment does (tier 2); a file may come more than
   * once. The word index is built on first use and kept in order by insertion afterwards.
   */
  forEachNameWordStartingWith(query: string, visit: (named: NamedPattern, tier: NameWordTier) => void): void {
    if (!this.words) {
      this.words = new NameWordIndex();
      this.words.build(this.named.values());
    }
    this.words.forEachStartingWith(query, (uri, tier) => visit(this.named.get(uri)!, tier));
  }

  get(uri: string): NamedPattern | undefined {
    return this.named.get(uri);
  }

  /** Every pattern in the index's file order. */
  all(): IterableIterator<NamedPattern> {
    return this.named.values();
  }

  /** A distinct slug entered the workspace. */
  slugAdded(slug: string): void {
    this.slugsChanged();
    if (slug.toLowerCase() !== slug) this.mixedCaseSlugs++;
    if (this.sorted) this.sorted.splice(lowerBound(this.sorted, slug), 0, slug);
  }

  /** The last file declaring a slug left the workspace (or changed its slug). */
  slugRemoved(slug: string): void {
    this.slugsChanged();
    if (slug.toLowerCase() !== slug) this.mixedCaseSlugs--;
    if (!this.sorted) return;
    const at = lowerBound(this.sorted, slug);
    if (this.sorted[at] === slug) this.sorted.splice(at, 1);
  }

  /** The distinct slugs in code-unit order (`<`), sorted on first use and kept in order afterwards. */
  sortedSlugs(allSlugs: () => Iterable<string>): readonly string[] {
    return (this.sorted ??= [...allSlugs()].sort());
  }

  /** A memoized answer that depends only on the set of slugs: computed once until a slug is added or removed. */
  memoized<V>(key: string, compute: () => V): V {
    if (this.memo.has(key)) return this.memo.get(key) as V;
    if (this.memo.size >= MAX_MEMO_ENTRIES) this.memo.clear();
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  private slugsChanged(): void {
    this.generation++;
    this.memo.clear();
  }
}

/**
 * Every word start of every lowered slug and title as the text from there to the end (so a query
 * spanning words, `trust bu`, still matches by prefix), sorted in code-unit order in parallel
 * arrays: a prefix look-up is a binary search plus the matching run.
 */
class NameWordIndex {
  private keys: string[] = [];
  private uris: string[] = [];
  private tiers: NameWordTier[] = [];

  build(all: Iterable<NamedPattern>): void {
    const entries: Array<[string, string, NameWordTier]> = [];
    for (const named of all) forEachWordOf(named, (key, tier) => entries.push([key, named.summary.uri, tier]));
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.keys = entries.map((e) => e[0]);
    this.uris = entries.map((e) => e[1]);
    this.tiers = entries.map((e) => e[2]);
  }

  add(named: NamedPattern): void {
    forEachWordOf(named, (key, tier) => {
      const at = lowerBound(this.keys, key);
      this.keys.splice(at, 0, key);
      this.uris.splice(at, 0, named.summary.uri);
      this.tiers.splice(at, 0, tier);
    });
  }

  remove(named: NamedPattern): void {
    const uri = named.summary.uri;
    forEachWordOf(named, (key, tier) => {
      for (let at = lowerBound(this.keys, key); at < this.keys.length && this.keys[at] === key; at++) {
        if (this.uris[at] !== uri || this.tiers[at] !== tier) continue;
        this.keys.splice(at, 1);
        this.uris.splice(at, 1);
        this.tiers.splice(at, 1);
        return;
      }
    });
  }

  forEachStartingWith(query: string, visit: (uri: string, tier: NameWordTier) => void): void {
    for (let at = lowerBound(this.keys, query); at < this.keys.length && this.keys[at].startsWith(query); at++) visit(this.uris[at], this.tiers[at]);
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The index keys of one file: its whole slug, each title word start, each later slug segment start (after a non-letter, non-digit). */
function forEachWordOf(named: NamedPattern, visit: (key: string, tier: NameWordTier) => void): void {
  const { slugLower, titleLower } = named;
  visit(slugLower, NameWordTier.Slug);
  for (let i = 0; i < titleLower.length; i++) if (i === 0 || !WORD_CHAR.test(titleLower[i - 1])) visit(titleLower.slice(i), NameWordTier.TitleWord);
  for (let i = 1; i < slugLower.length; i++) if (!WORD_CHAR.test(slugLower[i - 1])) visit(slugLower.slice(i), NameWordTier.SlugSegment);
}

/** The bits (code unit `& 31`) of the code units in `text`. */
export function charMaskOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/** The first index whose slug is not below `slug` (binary search in code-unit order). */
export function lowerBound(sorted: readonly string[], slug: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < slug) low = mid + 1;
    else high = mid;
  }
  return low;
}
