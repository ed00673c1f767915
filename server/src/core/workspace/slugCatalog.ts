import { NameGramIndex } from './nameGramIndex';
import type { PatternSummary } from './patternSummary';
import { SlugOrderedNames } from './slugOrderedNames';

/** A pattern with its slug and title lower-cased once, for matching what is typed. */
export interface NamedPattern {
  readonly summary: PatternSummary;
  readonly slugLower: string;
  /** The lower-cased title, '' without one. */
  readonly titleLower: string;
  /** Position in the index's file order (the order of `WorkspaceIndex.all()`): lower comes first. */
  readonly order: number;
  /** Its place in the catalog's table of files, reused after a file leaves: what the name-gram postings hold. */
  readonly slot: number;
  /** One bit per code unit (`& 31`) of the lowered slug and title: a query with a bit outside it is no substring or subsequence of either. */
  readonly charMask: number;
}

/** Which name a word-index entry comes from, as the ranking tier it gives: the whole slug, a title word, a later slug segment. */
export const enum NameWordTier {
  Slug = 0,
  TitleWord = 1,
  SlugSegment = 2,
}

/** The files that may contain a typed text: those holding its rarest gram (see `NameGramIndex`). */
export interface NameCandidates {
  readonly size: number;
  forEach(visit: (named: NamedPattern) => void): void;
}

/** Entries kept in a slug memo before it is emptied, so typing new broken targets cannot grow it without bound. */
const MAX_MEMO_ENTRIES = 4096;

/**
 * What completion and "did you mean" need on every keystroke, kept by `WorkspaceIndex` so they do
 * not rescan (or re-lower-case) 20,000 summaries per request: the lower-cased names in file order,
 * the distinct slugs sorted, the files in slug order, the word starts of the names and their 1- to
 * 3-grams (each built on first use, then kept in step one change at a time), a generation that
 * changes only when the set of distinct slugs changes, and a memo of answers that depend only on it.
 */
export class SlugCatalog {
  private readonly named = new Map<string, NamedPattern>();
  private readonly memo = new Map<string, unknown>();
  private sorted: string[] | undefined;
  private words: NameWordIndex | undefined;
  private grams: NameGramIndex | undefined;
  private slugOrdered: SlugOrderedNames | undefined;
  /** Each file at its slot; a freed slot holds undefined until it is reused. */
  private readonly slots: Array<NamedPattern | undefined> = [];
  private readonly freeSlots: number[] = [];
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
      const renewed = { ...before, summary };
      this.named.set(summary.uri, renewed);
      this.slots[renewed.slot] = renewed;
      this.slugOrdered?.replace(renewed);
      return;
    }
    const slugLower = summary.slug.toLowerCase();
    const titleLower = summary.title?.toLowerCase() ?? '';
    const slot = before?.slot ?? this.freeSlots.pop() ?? this.slots.length;
    const named = { summary, slugLower, titleLower, order: before?.order ?? this.nextOrder++, slot, charMask: charMaskOf(slugLower) | charMaskOf(titleLower) };
    this.named.set(summary.uri, named);
    this.slots[slot] = named;
    if (this.words) {
      if (before) this.words.remove(before);
      this.words.add(named);
    }
    if (this.grams) {
      if (before) this.grams.remove(slot, namesOf(before));
      this.grams.add(slot, namesOf(named));
    }
    if (this.slugOrdered) {
      if (before) this.slugOrdered.remove(before);
      this.slugOrdered.add(named);
    }
  }

  deleteSummary(uri: string): void {
    const before = this.named.get(uri);
    if (!before) return;
    this.named.delete(uri);
    this.slots[before.slot] = undefined;
    this.freeSlots.push(before.slot);
    this.words?.remove(before);
    this.grams?.remove(before.slot, namesOf(before));
    this.slugOrdered?.remove(before);
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

  /**
   * The files whose lowered slug or title may contain `query` (lower-cased): those holding its rarest
   * gram, exactly the containing ones when it is 1 to 3 code units long, a superset to check with
   * `includes` when longer. The gram index is built on first use and kept in step afterwards.
   */
  namesPossiblyContaining(query: string): NameCandidates {
    if (!this.grams) {
      this.grams = new NameGramIndex();
      this.grams.build([...this.named.values()].map((named) => ({ slot: named.slot, names: namesOf(named) })));
    }
    const posting = this.grams.rarestPosting(query);
    const slots = this.slots;
    return {
      size: posting.length,
      forEach: (visit) => {
        for (let i = 0; i < posting.length; i++) visit(slots[posting[i]]!);
      },
    };
  }

  /** Every file by slug (code-unit order), files of one slug in index order; built on first use, kept in step afterwards. */
  namesInSlugOrder(): readonly NamedPattern[] {
    if (!this.slugOrdered) {
      this.slugOrdered = new SlugOrderedNames();
      this.slugOrdered.build(this.named.values());
    }
    return this.slugOrdered.list;
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

/** The lowered names of a file that the gram index holds. */
function namesOf(named: NamedPattern): readonly string[] {
  return named.titleLower === '' ? [named.slugLower] : [named.slugLower, named.titleLower];
}

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
