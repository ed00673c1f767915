import { MAX_FRONTMATTER_LENGTH } from '../document/patternDocument';
import { MAX_YAML_NESTING } from '../document/yamlNesting';
import { readFlow } from './blockYamlFlow';
import { keyEnd, readDoubleQuoted, readSingleQuoted, restIsComment, skipSpaces, UNCLOSED, type LastValue } from './blockYamlLine';
import { BAIL, CLIP, continuePlain, continueQuoted, isOrdinaryKey, KEEP, plainValue, readBlockScalar, STRIP, type Bail } from './blockYamlScalars';
import { ParsedBlockYaml } from './blockYamlLookup';
import { BLOCK_FOLDED, BLOCK_LITERAL, CHILD, newRecord, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, STRIDE, type BlockYaml, type Collection } from './blockYamlSpans';

/**
 * A reader for the small, regular part of YAML that pattern frontmatters use — block mappings and
 * sequences (also compact `- key: v` and indentless ones), one-line plain and quoted scalars,
 * one-line flow sequences of scalars, `[]`, `{}`, block scalars, comments — several times faster
 * than js-yaml, recording where each scalar and collection lies. It reads exactly what js-yaml
 * (fastFrontmatter.ts) and package yaml read, with package yaml's node ranges, or gives up
 * (undefined) on anything else: the caller then reads the text one of those ways. Line by line,
 * without recursion, linear.
 */

export type { BlockYaml, CollectionSpan, ScalarSpan } from './blockYamlSpans';

/** undefined when the text is outside the subset; never throws. */
export function parseBlockYaml(yamlText: string): BlockYaml | undefined {
  if (yamlText.length > MAX_FRONTMATTER_LENGTH || !plainCharacters(yamlText)) return undefined;
  const reader = new BlockYamlReader(yamlText);
  return reader.read() && reader.keysUnique() ? new ParsedBlockYaml(reader.root, reader.allRecords, yamlText) : undefined;
}

/**
 * Tabs (an error in indentation), control characters, lone surrogates, a BOM, a lone CR and the
 * line breaks of YAML 1.1 (NEL, LS, PS): each is read differently by the two parsers or needs
 * care this reader does not take. A surrogate pair (an emoji) is fine.
 */
const ODD_CHARACTER = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;
const ODD_CHARACTER_BESIDES_PAIRS = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

function plainCharacters(text: string): boolean {
  return !ODD_CHARACTER.test(text) || !ODD_CHARACTER_BESIDES_PAIRS.test(text);
}

const MAP = 0;
const SEQ = 1;
/** A sequence at its parent mapping's indentation (`key:\n- a`): a key at that indentation ends it. */
const INDENTLESS = 2;

class BlockYamlReader {
  root: unknown = null;
  /** Every collection read and its record, by id (the document's first): a record entry's type is CHILD + id for a collection. */
  readonly allCollections: Collection[] = [];
  readonly allRecords: number[][] = [];
  private readonly text: string;
  /** The start of the next line to read. */
  private pos = 0;
  /** The open collections, innermost last: indentation, kind, data and record of spans. */
  private depth = 0;
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];
  private readonly collections: Collection[] = [];
  private readonly records: number[][] = [];
  /** Set when the last entry had nothing after its indicator: the next line may hold its collection. */
  private pendingSlot: string | number | undefined;
  private pendingRecord = 0;
  /** After a value on its line, no line may be indented deeper (unless it continues a plain scalar). */
  private maxIndent = Infinity;
  /** The last value was a plain scalar without a comment, at this slot and record index, its line followed by this offset. */
  private continuable = false;
  private continuableSlot: string | number = 0;
  private continuableRecord = 0;
  private continuableFrom = 0;
  /** The plain scalar read last ended at a comment. */
  private plainCommented = false;
  /** The span of the value read last, and where quoted scalars look for backslashes. */
  private readonly lastValue: LastValue = { start: 0, end: 0, type: 0, nextBackslash: -1 };
  /** Keys read before, by a hash of their length and ends: see keyAt. */
  private readonly keys: Array<string | undefined> = new Array<string | undefined>(KEY_SLOTS);

  constructor(text: string) {
    this.text = text;
  }

  read(): boolean {
    const text = this.text;
    const n = text.length;
    while (this.pos < n) {
      const lineStart = this.pos;
      let nl = text.indexOf('\n', lineStart);
      if (nl < 0) nl = n;
      const end = nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.pos = nl + 1;
      let p = lineStart;
      while (p < end && text.charCodeAt(p) === 32) p++;
      if (p === end) continue;
      const c = text.charCodeAt(p);
      if (c === 35 /* # */) continue;
      const indent = p - lineStart;
      if (indent > this.maxIndent) {
        // Deeper than a value allows: the next line of a plain scalar, or an error.
        if (!this.continuePlainScalar()) return false;
        continue;
      }
      this.maxIndent = Infinity;
      // A document marker, or a directive.
      if (indent === 0 && (c === 37 || ((c === 45 || c === 46) && isDocumentMarker(text, p, end)))) return false;
      const dash = c === 45 && (p + 1 === end || text.charCodeAt(p + 1) === 32);
      if (!this.place(indent, dash) || !this.readEntries(p, end, lineStart)) return false;
    }
    return true;
  }

  /** Whether no mapping repeats a key: then each has as many keys as entries were read (a repeated key overwrote one). */
  keysUnique(): boolean {
    for (let id = 0; id < this.allCollections.length; id++) {
      const collection = this.allCollections[id];
      if (!Array.isArray(collection) && Object.keys(collection).length * STRIDE !== this.allRecords[id].length) return false;
    }
    return true;
  }

  /** Finds (or opens) the collection a line at `indent` belongs to; false when it belongs to none. */
  private place(indent: number, dash: boolean): boolean {
    const top = this.depth - 1;
    if (this.pendingSlot !== undefined) {
      const slot = this.pendingSlot;
      this.pendingSlot = undefined;
      const parentIndent = this.indents[top];
      if (indent > parentIndent || (dash && indent === parentIndent && this.kinds[top] === MAP)) {
        const child: Collection = dash ? [] : {};
        (this.collections[top] as Record<string | number, unknown>)[slot] = child;
        this.records[top][this.pendingRecord + 4] = CHILD + this.allRecords.length;
        return this.open(indent, !dash ? MAP : indent === parentIndent ? INDENTLESS : SEQ, child);
      }
    }
    if (top < 0) {
      // The first line: the document's collection. (No line can come after it: it never closes.)
      const child: Collection = dash ? [] : {};
      this.root = child;
      return this.open(indent, dash ? SEQ : MAP, child);
    }
    let d = this.depth;
    while (d > 0 && this.indents[d - 1] > indent) d--;
    if (d === 0 || this.indents[d - 1] !== indent) return false;
    if (this.kinds[d - 1] === INDENTLESS && !dash) d--;
    this.depth = d;
    return true;
  }

  private open(indent: number, kind: number, collection: Collection): boolean {
    // Package yaml refuses YAML nested deeper than MAX_YAML_NESTING; this stays well inside.
    if (this.depth >= MAX_YAML_NESTING - 2) return false;
    const d = this.depth++;
    this.indents[d] = indent;
    this.kinds[d] = kind;
    this.collections[d] = collection;
    this.records[d] = newRecord(this.allCollections, this.allRecords, collection);
    return true;
  }


  /** Reads the entries that start on a line at `p`: one, or several nested (`- - a`, `- key: v`). */
  private readEntries(p: number, end: number, lineStart: number): boolean {
    const text = this.text;
    // The colon of the key at `p`, when already found.
    let colon = -1;
    for (;;) {
      const top = this.depth - 1;
      const record = this.records[top];
      let q: number;
      if (this.kinds[top] !== MAP) {
        if (text.charCodeAt(p) !== 45 || (p + 1 < end && text.charCodeAt(p + 1) !== 32)) return false;
        const items = this.collections[top] as unknown[];
        q = skipSpaces(text, p + 1, end);
        if (q === end || text.charCodeAt(q) === 35) {
          this.pendingSlot = items.length;
          this.pendingRecord = record.length;
          items.push(null);
          record.push(p, p, q, q, PLAIN);
          return true;
        }
        const dash = text.charCodeAt(q) === 45 && (q + 1 === end || text.charCodeAt(q + 1) === 32);
        colon = dash ? -1 : keyEnd(text, q, end);
        if (dash || colon >= 0) {
          // A collection that starts on the entry's line, indented as far as its first character.
          const child: Collection = dash ? [] : {};
          items.push(child);
          record.push(p, p, q, q, CHILD + this.allRecords.length);
          if (!this.open(q - lineStart, dash ? SEQ : MAP, child)) return false;
          p = q;
          continue;
        }
        const value = this.readValue(q, end, this.indents[top]);
        if (value === BAIL) return false;
        this.noteContinuable(items.length, record.length);
        items.push(value);
        record.push(p, p, this.lastValue.start, this.lastValue.end, this.lastValue.type);
      } else {
        if (colon < 0) colon = keyEnd(text, p, end);
        if (colon < 0) return false;
        const key = this.keyAt(p, colon);
        const map = this.collections[top] as Record<string, unknown>;
        // A repeated key is found at the end (keysUnique): a lookup per key costs more than reading it.
        if (!isOrdinaryKey(key)) return false;
        q = skipSpaces(text, colon + 1, end);
        if (q === end || text.charCodeAt(q) === 35) {
          this.pendingSlot = key;
          this.pendingRecord = record.length;
          map[key] = null;
          record.push(p, colon, q, q, PLAIN);
          return true;
        }
        const value = this.readValue(q, end, this.indents[top]);
        if (value === BAIL) return false;
        this.noteContinuable(key, record.length);
        map[key] = value;
        record.push(p, colon, this.lastValue.start, this.lastValue.end, this.lastValue.type);
      }
      this.maxIndent = this.indents[top];
      return true;
    }
  }

  /**
   * The key in [p, colon), as the same string as when it was read before (`slug`, `weight`, … repeat
   * in every entry): a string that has been a property name already is stored without hashing it
   * again, which was the greater part of storing a fresh one.
   */
  private keyAt(p: number, colon: number): string {
    const text = this.text;
    const length = colon - p;
    const slot = (length * 7 + text.charCodeAt(p) * 3 + text.charCodeAt(colon - 1)) & (KEY_SLOTS - 1);
    const known = this.keys[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, p)) return known;
    const key = text.slice(p, colon);
    this.keys[slot] = key;
    return key;
  }

  private noteContinuable(slot: string | number, recordAt: number): void {
    this.continuable = this.lastValue.type === PLAIN && !this.plainCommented;
    this.continuableSlot = slot;
    this.continuableRecord = recordAt;
    this.continuableFrom = this.pos;
  }

  /**
   * Reads the lines that continue the plain scalar read last (the line at hand is indented deeper
   * than its collection) and puts the whole scalar in its place. Looked for only when such a line
   * comes, as almost every scalar has one line.
   */
  private continuePlainScalar(): boolean {
    if (!this.continuable) return false;
    this.continuable = false;
    const top = this.depth - 1;
    const record = this.records[top];
    const at = this.continuableRecord;
    const first = this.text.slice(record[at + 2], record[at + 3]);
    const continued = continuePlain(this.text, first, this.continuableFrom, this.indents[top]);
    if (continued === undefined || continued === BAIL) return false;
    record[at + 3] = continued.end;
    (this.collections[top] as Record<string | number, unknown>)[this.continuableSlot] = plainValue(continued.value);
    this.pos = continued.next;
    return true;
  }

  /** A value that starts at `q` on its line (not a block collection); sets its span. */
  private readValue(q: number, end: number, parentIndent: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(q);
    switch (c) {
      case 34 /* " */:
      case 39 /* ' */: {
        let value = c === 34 ? readDoubleQuoted(text, q, end, this.lastValue) : readSingleQuoted(text, q, end, this.lastValue);
        let lineEnd = end;
        if (value === BAIL && this.lastValue.end === UNCLOSED) {
          const continued = continueQuoted(text, q, end, this.pos, parentIndent, text[q]);
          if (continued === BAIL) return BAIL;
          value = continued.value;
          lineEnd = continued.lineEnd;
          this.pos = continued.next;
          this.lastValue.start = q;
          this.lastValue.end = continued.end;
          this.lastValue.type = c === 34 ? QUOTE_DOUBLE : QUOTE_SINGLE;
        }
        return value !== BAIL && restIsComment(text, this.lastValue.end, lineEnd) ? value : BAIL;
      }
      case 91 /* [ */:
      case 123 /* { */:
        return readFlow(text, q, end, this.depth, this.allCollections, this.allRecords, this.lastValue);
      case 62 /* > */:
      case 124 /* | */:
        return this.readBlockScalarAt(q, end, parentIndent, c === 62);
      case 45 /* - */:
      case 63 /* ? */:
      case 58 /* : */:
        // A plain scalar (`-1`, `?x`) unless a blank follows: an entry, a complex key or a value indicator.
        if (q + 1 === end || text.charCodeAt(q + 1) === 32) return BAIL;
        break;
      // Indicators: anchors, aliases, tags, directives, reserved, flow punctuation.
      case 38: case 42: case 33: case 37: case 64: case 96: case 44: case 93: case 125: case 35:
        return BAIL;
    }
    return this.readPlain(q, end);
  }

  /** The first line of a plain scalar (see continuePlainScalar for the others). */
  private readPlain(q: number, end: number): unknown {
    const text = this.text;
    let last = q + 1;
    let comment = false;
    for (let k = q + 1; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 32) continue;
      if (c === 35 && text.charCodeAt(k - 1) === 32) {
        comment = true;
        break;
      }
      // `: ` in a value: a mapping where none may start.
      if (c === 58 && (k + 1 === end || text.charCodeAt(k + 1) === 32)) return BAIL;
      last = k + 1;
    }
    this.lastValue.start = q;
    this.lastValue.end = last;
    this.lastValue.type = PLAIN;
    this.plainCommented = comment;
    return plainValue(text.slice(q, last));
  }

  private readBlockScalarAt(q: number, end: number, parentIndent: number, folded: boolean): string | Bail {
    const text = this.text;
    const indicator = text.charCodeAt(q + 1);
    const chomp = indicator === 45 ? STRIP : indicator === 43 ? KEEP : CLIP;
    // After the header only a comment: an indentation indicator (`>2`) or anything else is not read here.
    if (!restIsComment(text, chomp === CLIP ? q + 1 : q + 2, end)) return BAIL;
    const scalar = readBlockScalar(text, this.pos, parentIndent, folded, chomp);
    if (scalar === BAIL) return BAIL;
    this.pos = scalar.next;
    this.lastValue.start = q;
    this.lastValue.end = scalar.end;
    this.lastValue.type = folded ? BLOCK_FOLDED : BLOCK_LITERAL;
    return scalar.value;
  }
}

const KEY_SLOTS = 256;

function isDocumentMarker(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  return text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === c && (p + 3 === end || text.charCodeAt(p + 3) === 32);
}
