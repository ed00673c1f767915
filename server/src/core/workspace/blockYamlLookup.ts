import type { YamlPath } from '../document/yamlPath';
import { BLOCK_FOLDED, BLOCK_LITERAL, CHILD, PLAIN, SPAN_TYPES, STRIDE, type BlockYaml, type CollectionSpan, type ScalarSpan } from './blockYamlSpans';

/** The answers of blockYaml.ts: a path's scalar or collection, from the records it made while reading. */

/** Where a path leads in the data and in the records: the entry at `at` of record `id` (id -1: the document itself). */
interface Entry {
  readonly id: number;
  readonly at: number;
  readonly value: unknown;
}

export class ParsedBlockYaml implements BlockYaml {
  /** Key positions of large mappings, by record id, made on the first lookup (a scan per lookup would be quadratic). */
  private readonly keyIndexes = new Map<number, Map<string, number>>();

  constructor(
    readonly data: unknown,
    private readonly records: readonly number[][],
    /** The YAML text read (its parts are in the data already), for the ends of block collections. */
    private readonly text: string,
  ) {}

  scalarAt(path: YamlPath, want: 'value' | 'key'): ScalarSpan | undefined {
    const entry = this.entryAt(path);
    if (!entry || entry.id < 0) return undefined;
    const record = this.records[entry.id];
    const at = entry.at;
    if (want === 'key') return typeof path[path.length - 1] === 'string' ? { start: record[at], end: record[at + 1], type: 'PLAIN' } : undefined;
    const type = SPAN_TYPES[record[at + 4]];
    return type === undefined ? undefined : { start: record[at + 2], end: record[at + 3], type };
  }

  collectionAt(path: YamlPath): CollectionSpan | undefined {
    const entry = this.entryAt(path);
    if (!entry || typeof entry.value !== 'object' || entry.value === null) return undefined;
    const kind = Array.isArray(entry.value) ? 'seq' : 'map';
    // The document's collection (the first read) is a block one; an entry holding a flow collection has its span.
    let id = 0;
    if (entry.id >= 0) {
      const record = this.records[entry.id];
      const start = record[entry.at + 2];
      const end = record[entry.at + 3];
      if (end > start) return { start, end, kind, flow: true };
      id = record[entry.at + 4] - CHILD;
    }
    const end = blockCollectionEnd(this.text, this.records, id);
    return end === undefined ? undefined : { start: this.records[id][0], end, kind, flow: false };
  }

  /** Follows the path in the data and in the records together, as package yaml's paths step; undefined when it leaves the data. */
  private entryAt(path: YamlPath): Entry | undefined {
    let value: unknown = this.data;
    let id = -1;
    let at = 0;
    for (const step of path) {
      const code = id < 0 ? CHILD : this.records[id][at + 4];
      if (code < CHILD) return undefined;
      id = code - CHILD;
      const index = this.indexIn(value, id, step);
      if (index < 0) return undefined;
      at = index * STRIDE;
      value = Array.isArray(value) ? value[index] : (value as Record<string, unknown>)[step];
    }
    return { id, at, value };
  }

  /** The entry of the collection `node` (record `id`) at `step`, or -1. */
  private indexIn(node: unknown, id: number, step: string | number): number {
    if (Array.isArray(node)) return typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < node.length ? step : -1;
    if (typeof node !== 'object' || node === null || typeof step !== 'string' || !Object.prototype.hasOwnProperty.call(node, step)) return -1;
    // Keys are names (never integer-like), so the object keeps them in the order they were read.
    let index = this.keyIndexes.get(id);
    if (!index) {
      const keys = Object.keys(node as object);
      if (keys.length < 64) return keys.indexOf(step);
      index = new Map(keys.map((k, i) => [k, i]));
      this.keyIndexes.set(id, index);
    }
    return index.get(step) ?? -1;
  }
}

/**
 * Where package yaml's node of the block collection `id` ends (range[1]), as its parser and composer
 * (yaml 2.x: parse/parser.ts, compose/resolve-block-map.ts and resolve-block-seq.ts) place it: at the
 * end of its last entry's value node, counting what that node takes in after it (range[2]):
 * - a scalar or flow collection: the line break after it, and then any comment lines indented deeper
 *   than the collection that holds it, with the blank lines among them, up to a comment line that is not;
 * - a block scalar: its own end (blockYaml's span); it takes in no comment line;
 * - an empty value: where it lies, or — with a comment on its line or before the next entry — all
 *   up to that entry (or the end of the text); for an empty item of a sequence, comment lines
 *   before its dash count too, but which belong to it is not worked out here: with any, undefined;
 * - a block collection: its own end, or — when the comment lines after its last value are left to
 *   it — up to the next entry.
 * The comment lines after the last value that it does not take in are kept, with the blank lines and
 * the next entry's indentation, by the innermost collection closed there that is indented (not at 0)
 * at most as deep as one of them (else by none of those): a collection ends at the next entry when a
 * collection inside it keeps them. The tests hold this against package yaml on the real library,
 * on mutated frontmatters and on hand-written corners.
 */
export function blockCollectionEnd(text: string, records: readonly number[][], id: number): number | undefined {
  // The block collections that end with the same value, from the one asked about in.
  const chain = [id];
  let record = records[id];
  let at = record.length - STRIDE;
  while (at >= 0 && record[at + 4] >= CHILD && record[at + 2] === record[at + 3]) {
    id = record[at + 4] - CHILD;
    chain.push(id);
    record = records[id];
    at = record.length - STRIDE;
  }
  if (at < 0) return undefined;
  const type = record[at + 4];
  const start = record[at + 2];
  const end = record[at + 3];
  const blockScalar = type === BLOCK_FOLDED || type === BLOCK_LITERAL;
  const empty = type === PLAIN && start === end;
  // A sequence's entry has its dash as an empty key.
  if (empty && record[at] === record[at + 1] && commentBefore(text, record[at])) return undefined;
  const holderIndent = indentOf(text, records, id);
  let valueEnd = blockScalar ? end : lineAfter(text, end);
  let taking = !blockScalar && !empty;
  let commented = empty && text.charCodeAt(start) === 35;
  // The deepest comment line left after the value, and where the next entry starts.
  let deepestLeft = -1;
  let next = text.length;
  for (let pos = empty ? lineAfter(text, end) : valueEnd; pos < text.length;) {
    const after = lineAfter(text, pos);
    let p = pos;
    while (text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    if (c !== 35 && c !== 10 && c !== 13 && p < text.length) {
      next = p;
      break;
    }
    if (c === 35) {
      const indent = p - pos;
      if (taking && indent > holderIndent) valueEnd = after;
      else {
        taking = false;
        commented = true;
        if (indent > deepestLeft) deepestLeft = indent;
      }
    }
    pos = after;
  }
  if (empty) return commented ? next : start;
  for (let j = chain.length - 1; j > 0; j--) {
    const indent = indentOf(text, records, chain[j]);
    if (indent > 0 && indent <= deepestLeft) return next;
  }
  return valueEnd;
}

/** The indentation of the block collection `id`: its first entry's column. */
function indentOf(text: string, records: readonly number[][], id: number): number {
  const start = records[id][0];
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/** Whether a comment line comes between the line `k` is on and the content line before it. */
function commentBefore(text: string, k: number): boolean {
  for (let lineStart = text.lastIndexOf('\n', k - 1) + 1; lineStart > 0;) {
    const previous = text.lastIndexOf('\n', lineStart - 2) + 1;
    let p = previous;
    while (text.charCodeAt(p) === 32) p++;
    const c = text.charCodeAt(p);
    if (c === 35) return true;
    if (c !== 10 && c !== 13) return false;
    lineStart = previous;
  }
  return false;
}

/** The start of the line after the one `k` is on, or the end of the text. */
function lineAfter(text: string, k: number): number {
  const nl = text.indexOf('\n', k);
  return nl < 0 ? text.length : nl + 1;
}
