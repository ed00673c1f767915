/** The longest gram kept: a query of up to this many code units is looked up whole, a longer one by its rarest trigram. */
export const MAX_GRAM = 3;

/** The slots holding one gram: the first `size` entries of `slots`, in no order (removal swaps the last entry in). */
interface Posting {
  slots: Int32Array;
  size: number;
}

/**
 * Every run of 1 to 3 code units of the lower-cased names (slug and title) of each file, mapped to the
 * slots of the files whose names hold it, so the substring tier of completion visits only the files
 * holding the rarest gram of the typed text instead of all 20,000 names. A file is known by a small
 * integer slot (its place in `SlugCatalog`'s table, reused after a file leaves), kept in typed arrays:
 * 20,000 files hold about 1.2 million (gram, file) pairs, 4 bytes each. A posting holds each slot once.
 */
export class NameGramIndex {
  /** By gram key (see `gramKey`). */
  private readonly postings = new Map<number, Posting>();

  /** Records the grams of one file's lowered names (its slot must not be in the index). */
  add(slot: number, names: readonly string[]): void {
    forEachGram(names, (gram) => {
      const posting = this.postings.get(gram);
      if (!posting) {
        this.postings.set(gram, { slots: Int32Array.of(slot), size: 1 });
        return;
      }
      // This file's grams are added one after another: a gram it holds twice finds itself last.
      if (posting.slots[posting.size - 1] === slot) return;
      if (posting.size === posting.slots.length) {
        const grown = new Int32Array(posting.size + (posting.size >> 1) + 1);
        grown.set(posting.slots);
        posting.slots = grown;
      }
      posting.slots[posting.size++] = slot;
    });
  }

  /** Forgets the grams of one file's lowered names, as they were added. */
  remove(slot: number, names: readonly string[]): void {
    forEachGram(names, (gram) => {
      const posting = this.postings.get(gram);
      if (!posting) return;
      // From the end: a file edited again and again (typing in its title) was added last.
      const at = posting.slots.lastIndexOf(slot, posting.size - 1);
      if (at < 0) return; // a gram the file holds twice: gone the first time
      posting.slots[at] = posting.slots[--posting.size];
      if (posting.size === 0) this.postings.delete(gram);
    });
  }

  /**
   * Indexes many files at once into an empty index, each posting allocated at its exact size: one
   * pass counts the files holding each gram, the second fills the postings (so building over 20,000
   * files leaves no grown-and-dropped arrays behind).
   */
  build(files: readonly FileNames[]): void {
    const counts = new Map<number, { files: number; last: number }>();
    for (const { slot, names } of files) {
      forEachGram(names, (gram) => {
        const count = counts.get(gram);
        if (!count) counts.set(gram, { files: 1, last: slot });
        else if (count.last !== slot) {
          count.files++;
          count.last = slot;
        }
      });
    }
    for (const [gram, count] of counts) this.postings.set(gram, { slots: new Int32Array(count.files), size: 0 });
    for (const { slot, names } of files) {
      forEachGram(names, (gram) => {
        const posting = this.postings.get(gram)!;
        if (posting.size === 0 || posting.slots[posting.size - 1] !== slot) posting.slots[posting.size++] = slot;
      });
    }
  }

  /**
   * The slots of the files whose names hold the rarest gram of `query` (lower-cased): exactly the
   * files whose slug or title contains it when it is 1 to 3 code units long, a superset to check with
   * `includes` when longer. Empty for an empty query. A view of the index: read it before the next change.
   */
  rarestPosting(query: string): ArrayLike<number> {
    if (query.length === 0) return NO_SLOTS;
    if (query.length <= MAX_GRAM) return viewOf(this.postings.get(gramKey(query, 0, query.length)));
    let rarest: Posting | undefined;
    for (let i = 0; i + MAX_GRAM <= query.length; i++) {
      const posting = this.postings.get(gramKey(query, i, MAX_GRAM));
      if (!posting) return NO_SLOTS;
      if (!rarest || posting.size < rarest.size) rarest = posting;
    }
    return viewOf(rarest);
  }

  /** The number of distinct grams kept (for tests and measurements). */
  get gramCount(): number {
    return this.postings.size;
  }
}

/** A file's slot and its lowered names. */
export interface FileNames {
  readonly slot: number;
  readonly names: readonly string[];
}

const NO_SLOTS = new Int32Array(0);

function viewOf(posting: Posting | undefined): Int32Array {
  return posting ? posting.slots.subarray(0, posting.size) : NO_SLOTS;
}

/**
 * A gram as a number: its code units plus one as digits in base 65,537, so grams of different lengths
 * never share a key and the largest (three units) stays below 2^53. Cheaper to make and hash than a
 * sliced string, of which building over 20,000 files would make millions.
 */
function gramKey(text: string, start: number, length: number): number {
  let key = 0;
  for (let i = start; i < start + length; i++) key = key * GRAM_BASE + text.charCodeAt(i) + 1;
  return key;
}

const GRAM_BASE = 0x10001;

/** The key of each gram (1 to `MAX_GRAM` code units) of some texts, a gram as often as it occurs. */
function forEachGram(texts: readonly string[], visit: (gram: number) => void): void {
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      let key = 0;
      for (let length = 1; length <= MAX_GRAM && i + length <= text.length; length++) {
        key = key * GRAM_BASE + text.charCodeAt(i + length - 1) + 1;
        visit(key);
      }
    }
  }
}
