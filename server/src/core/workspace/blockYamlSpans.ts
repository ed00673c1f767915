import type { Scalar } from 'yaml';
import type { YamlPath } from '../document/yamlPath';

/**
 * Where blockYaml.ts records each entry it reads — one record of spans per collection — for
 * blockYamlLookup.ts to answer paths from.
 */

export interface ScalarSpan {
  readonly start: number;
  readonly end: number;
  readonly type: Scalar.Type;
}

/** A mapping or a sequence, block or flow, and where package yaml's node of it lies (range[0..1]). */
export interface CollectionSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: 'map' | 'seq';
  readonly flow: boolean;
}

export interface BlockYaml {
  readonly data: unknown;
  /**
   * The scalar at `path` (want 'value') or the key of the pair at `path` (want 'key'), as offsets in
   * the YAML text, equal to package yaml's node range and type; undefined for a collection or a
   * path that is not in the data.
   */
  scalarAt(path: YamlPath, want: 'value' | 'key'): ScalarSpan | undefined;
  /**
   * The mapping or sequence at `path` (`[]`: the document's), equal to package yaml's node range;
   * undefined for a scalar, a path that is not in the data, or where it is not worked out.
   */
  collectionAt(path: YamlPath): CollectionSpan | undefined;
}

/** Span types, as stored in the records (from CHILD on: a collection, by id). */
export const SPAN_TYPES: ReadonlyArray<Scalar.Type | undefined> = [undefined, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'];
export const PLAIN = 1;
export const QUOTE_DOUBLE = 2;
export const QUOTE_SINGLE = 3;
export const BLOCK_FOLDED = 4;
export const BLOCK_LITERAL = 5;
export const CHILD = 8;
/**
 * Each entry of a collection records keyStart, keyEnd, valueStart, valueEnd, valueType. An entry of
 * a block sequence has its dash as an empty key (a flow sequence's: 0, 0), so a block collection
 * starts at its first entry's keyStart. An entry holding a flow collection has the collection's span
 * as its value's; one holding a block collection, an empty span.
 */
export const STRIDE = 5;

export type Collection = Record<string, unknown> | unknown[];

/** Adds `collection` and a new record for it, both with the next id; a record entry's type is CHILD + id for a collection. */
export function newRecord(allCollections: Collection[], allRecords: number[][], collection: Collection): number[] {
  const record: number[] = [];
  allCollections.push(collection);
  allRecords.push(record);
  return record;
}
