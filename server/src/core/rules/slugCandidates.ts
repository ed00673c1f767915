/** Code units in a gram, the substring the index lists slugs by. */
export const GRAM = 3;
/** Buckets the grams are hashed to: 8,192, for the ~4,000 distinct grams of a real library. */
const BUCKETS = 1 << 13;

/**
 * The workspace's slugs ordered by length, with an index of their grams (substrings of GRAM code units):
 * for each gram, the positions of the slugs containing it, ascending, so also by length. Made once per set
 * of slugs (the index memoizes it) for closestSlug. Grams are hashed to BUCKETS buckets: grams sharing a
 * bucket share a list, which can add slugs to a look-up but never lose one.
 */
export class SlugCandidates {
  /** The slugs ordered by length. */
  readonly slugs: readonly string[];
  /** `byLength[n]` is the first position in `slugs` of a slug of length n or more (up to the longest + 1). */
  readonly byLength: Uint32Array;
  /** The positions of the slugs containing a gram of bucket h are `postings[starts[h]]` to `postings[starts[h + 1] - 1]`. */
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;
  /** Scratch of `listedAtLeast`: the look-up that last counted each slug, and its count there. */
  private readonly countedIn: Uint32Array;
  private readonly counts: Uint32Array;
  private lookUps = 0;

  constructor(slugs: Iterable<string>) {
    const all = [...slugs];
    let longest = 0;
    let grams = 0;
    for (let i = 0; i < all.length; i++) {
      const length = all[i].length;
      if (length > longest) longest = length;
      if (length >= GRAM) grams += length - GRAM + 1;
    }
    // A counting sort by length: stable, and without a comparator to call 3,600–20,000 times.
    const byLength = new Uint32Array(longest + 2);
    for (let i = 0; i < all.length; i++) byLength[all[i].length + 1]++;
    for (let n = 0; n <= longest; n++) byLength[n + 1] += byLength[n];
    const next = byLength.slice();
    const sorted: string[] = new Array(all.length);
    for (let i = 0; i < all.length; i++) sorted[next[all[i].length]++] = all[i];
    // Two passes: count each bucket's grams and note each gram's bucket, then list the slugs.
    const bucketOf = new Uint16Array(grams);
    const starts = new Uint32Array(BUCKETS + 1);
    for (let i = 0, g = 0; i < sorted.length; i++) g = bucketGrams(sorted[i], bucketOf, g, starts);
    for (let h = 0; h < BUCKETS; h++) starts[h + 1] += starts[h];
    const postings = new Uint32Array(grams);
    const fill = starts.slice(0, BUCKETS);
    for (let i = 0, g = 0; i < sorted.length; i++) g = post(i, sorted[i].length - GRAM + 1, bucketOf, g, fill, postings);
    this.slugs = sorted;
    this.byLength = byLength;
    this.starts = starts;
    this.postings = postings;
    this.countedIn = new Uint32Array(sorted.length);
    this.counts = new Uint32Array(sorted.length);
  }

  /** The first position in `slugs` of a slug of length n or more (`slugs.length` past the longest). */
  firstOfLength(n: number): number {
    return this.byLength[Math.max(0, Math.min(n, this.byLength.length - 1))];
  }

  /** The bucket of the gram of text[from, to) that lists the fewest slugs. */
  rarestGram(text: string, from: number, to: number): number {
    const starts = this.starts;
    let a = text.charCodeAt(from);
    let b = text.charCodeAt(from + 1);
    let rarest = 0;
    let fewest = Infinity;
    for (let at = from + GRAM - 1; at < to; at++) {
      const c = text.charCodeAt(at);
      const h = (a * 961 + b * 31 + c) & (BUCKETS - 1);
      if (starts[h + 1] - starts[h] < fewest) {
        fewest = starts[h + 1] - starts[h];
        rarest = h;
      }
      a = b;
      b = c;
    }
    return rarest;
  }

  /** The positions from `first` to `last` (excluded) of the slugs listed in at least `need` of the buckets. */
  listedAtLeast(buckets: readonly number[], need: number, first: number, last: number): number[] {
    // Look-ups are told apart by number, so that the counts need no clearing; the numbers wrap in 32 bits.
    if (++this.lookUps === 0xffffffff) {
      this.countedIn.fill(0);
      this.lookUps = 1;
    }
    const { starts, postings } = this;
    const found: number[] = [];
    for (let j = 0; j < buckets.length; j++) {
      const end = starts[buckets[j] + 1];
      countListed(postings, lowerBound(postings, starts[buckets[j]], end, first), end, last, this.countedIn, this.counts, this.lookUps, need, found);
    }
    return found;
  }
}

/** Notes the bucket of each gram of the slug in `bucketOf` from `g` on, and counts it in `counts[bucket + 1]`; returns the next `g`. */
function bucketGrams(slug: string, bucketOf: Uint16Array, g: number, counts: Uint32Array): number {
  let a = slug.charCodeAt(0);
  let b = slug.charCodeAt(1);
  for (let at = GRAM - 1; at < slug.length; at++) {
    const c = slug.charCodeAt(at);
    const h = (a * 961 + b * 31 + c) & (BUCKETS - 1);
    bucketOf[g++] = h;
    counts[h + 1]++;
    a = b;
    b = c;
  }
  return g;
}

/** Lists slug i under the buckets of its `grams` grams, noted in `bucketOf` from `g` on; returns the next `g`. */
function post(i: number, grams: number, bucketOf: Uint16Array, g: number, fill: Uint32Array, postings: Uint32Array): number {
  for (const end = g + grams; g < end; g++) postings[fill[bucketOf[g]]++] = i;
  return g;
}

/** The first position from `from` to `to` of a slug position `i` or more (`to` if none). */
function lowerBound(postings: Uint32Array, from: number, to: number, i: number): number {
  while (from < to) {
    const middle = (from + to) >>> 1;
    if (postings[middle] < i) from = middle + 1;
    else to = middle;
  }
  return from;
}

/** Counts look-up `lookUp` for the slugs of postings[from, to) before `last`; adds those reaching `need` to `found`. */
function countListed(postings: Uint32Array, from: number, to: number, last: number, countedIn: Uint32Array, counts: Uint32Array, lookUp: number, need: number, found: number[]): void {
  let previous = -1;
  for (let x = from; x < to; x++) {
    const i = postings[x];
    if (i >= last) break;
    // A slug with the gram twice is listed twice in a row: it counts once.
    if (i === previous) continue;
    previous = i;
    if (countedIn[i] !== lookUp) {
      countedIn[i] = lookUp;
      counts[i] = 0;
    }
    if (++counts[i] === need) found.push(i);
  }
}
