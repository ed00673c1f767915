import type { PatternSummary } from './patternSummary';

/** A pattern with its slug and title lower-cased once, for matching what is typed. */
export interface NamedPattern {
  readonly summary: PatternSummary;
  readonly slugLower: string;
  /** The lower-cased title, '' without one. */
  readonly titleLower: string;
  /** Position in the index's file order (the order of `WorkspaceIndex.all()`): lower comes first. */
  readonly order: number;
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
    this.named.set(summary.uri, {
      summary,
      slugLower: summary.slug.toLowerCase(),
      titleLower: summary.title?.toLowerCase() ?? '',
      order: before?.order ?? this.nextOrder++,
    });
  }

  deleteSummary(uri: string): void {
    this.named.delete(uri);
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
