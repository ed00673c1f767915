import type { Scalar } from 'yaml';
import type { YamlPath } from '../document/yamlPath';

/**
 * Where blockYaml.ts records each entry it reads — one record of spans per collection — and the
 * lookup of a path's scalar in those records.
 */

export interface ScalarSpan {
  readonly start: number;
  readonly end: number;
  readonly type: Scalar.Type;
}

export interface BlockYaml {
  readonly data: unknown;
  /**
   * The scalar at `path` (want 'value') or the key of the pair at `path` (want 'key'), as offsets in
   * the YAML text, equal to package yaml's node range and type; undefined for a collection or a
   * path that is not in the data.
   */
  scalarAt(path: YamlPath, want: 'value' | 'key'): ScalarSpan | undefined;
}

/** Span types, as stored in the records (from CHILD on: a collection, by id). */
const SPAN_TYPES: ReadonlyArray<Scalar.Type | undefined> = [undefined, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'];
export const PLAIN = 1;
export const QUOTE_DOUBLE = 2;
export const QUOTE_SINGLE = 3;
export const BLOCK_FOLDED = 4;
export const BLOCK_LITERAL = 5;
export const CHILD = 8;
/** Each entry of a collection records keyStart, keyEnd, valueStart, valueEnd, valueType (keys unused in sequences). */
export const STRIDE = 5;

export type Collection = Record<string, unknown> | unknown[];

/** Adds `collection` and a new record for it, both with the next id; a record entry's type is CHILD + id for a collection. */
export function newRecord(allCollections: Collection[], allRecords: number[][], collection: Collection): number[] {
  const record: number[] = [];
  allCollections.push(collection);
  allRecords.push(record);
  return record;
}

export class ParsedBlockYaml implements BlockYaml {
  /** Key positions of large mappings, by record id, made on the first lookup (a scan per lookup would be quadratic). */
  private readonly keyIndexes = new Map<number, Map<string, number>>();

  constructor(readonly data: unknown, private readonly records: readonly number[][]) {}

  scalarAt(path: YamlPath, want: 'value' | 'key'): ScalarSpan | undefined {
    // The path is followed in the data and in the records together, as package yaml's paths step.
    let node: unknown = this.data;
    let id = -1;
    let at = 0;
    for (const step of path) {
      const code = id < 0 ? CHILD : this.records[id][at + 4];
      if (code < CHILD) return undefined;
      id = code - CHILD;
      const index = this.indexIn(node, id, step);
      if (index < 0) return undefined;
      at = index * STRIDE;
      node = Array.isArray(node) ? node[index] : (node as Record<string, unknown>)[step];
    }
    if (id < 0) return undefined;
    const record = this.records[id];
    if (want === 'key') return typeof path[path.length - 1] === 'string' ? { start: record[at], end: record[at + 1], type: 'PLAIN' } : undefined;
    const type = SPAN_TYPES[record[at + 4]];
    return type === undefined ? undefined : { start: record[at + 2], end: record[at + 3], type };
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
