import { MAX_YAML_NESTING } from '../document/yamlNesting';
import { BAIL, isOrdinaryKey, plainValue, type Bail } from './blockYamlScalars';
import { keyEnd, readDoubleQuoted, readSingleQuoted, restIsComment, skipSpaces, type LastValue } from './blockYamlLine';
import { CHILD, newRecord, PLAIN, type Collection } from './blockYamlSpans';

/** Flow collections for blockYaml.ts: read within their line, recorded as the block reader records its collections. */

const FLOW_OPEN = 0;
const FLOW_ENTRY = 1;
const FLOW_AFTER = 2;

/**
 * A flow collection closed on its line (`[a, "b"]`, `{id: x, weight: 0.8}`, nested): scalars and
 * flow collections as entries, name keys each with a value; no empty entry, no trailing comma.
 * A loop over the brackets with its own stack, as deep nesting must not recurse. `depth` is how
 * many block collections hold it; each collection read is added to `allCollections` and
 * `allRecords` (a nested one's entry with its span), and the whole collection's span is set in
 * `lastValue`.
 */
export function readFlow(text: string, q: number, end: number, depth: number, allCollections: Collection[], allRecords: number[][], lastValue: LastValue): Collection | Bail {
  const open: Collection[] = [];
  const openRecords: number[][] = [];
  // Where each open nested collection's entry is in its parent's record.
  const entryAts: number[] = [];
  const rootId = allRecords.length;
  let root: Collection | undefined;
  let k = q;
  let state = FLOW_OPEN;
  let keyStart = 0;
  let colon = 0;
  let key = '';
  for (;;) {
    if (state === FLOW_OPEN) {
      // At `[` or `{`: the document's value, or an entry's.
      if (depth + open.length >= MAX_YAML_NESTING - 2) return BAIL;
      const child: Collection = text.charCodeAt(k) === 91 ? [] : {};
      const parent = open[open.length - 1];
      if (parent === undefined) root = child;
      else {
        place(parent, key, child);
        const parentRecord = openRecords[openRecords.length - 1];
        entryAts.push(parentRecord.length);
        parentRecord.push(keyStart, colon, k, k, CHILD + allRecords.length);
      }
      openRecords.push(newRecord(allCollections, allRecords, child));
      open.push(child);
      k = skipSpaces(text, k + 1, end);
      state = text.charCodeAt(k) === closerOf(child) ? FLOW_AFTER : FLOW_ENTRY;
    } else if (state === FLOW_ENTRY) {
      const parent = open[open.length - 1];
      keyStart = 0;
      colon = 0;
      if (!Array.isArray(parent)) {
        colon = keyEnd(text, k, end);
        if (colon < 0) return BAIL;
        key = text.slice(k, colon);
        if (!isOrdinaryKey(key)) return BAIL;
        keyStart = k;
        k = skipSpaces(text, colon + 1, end);
      }
      const c = text.charCodeAt(k);
      if (c === 91 || c === 123) {
        state = FLOW_OPEN;
        continue;
      }
      const value = c === 34 ? readDoubleQuoted(text, k, end, lastValue) : c === 39 ? readSingleQuoted(text, k, end, lastValue) : readFlowPlain(text, k, end, lastValue);
      if (value === BAIL) return BAIL;
      place(parent, key, value);
      openRecords[openRecords.length - 1].push(keyStart, colon, lastValue.start, lastValue.end, lastValue.type);
      k = skipSpaces(text, lastValue.end, end);
      state = FLOW_AFTER;
    } else {
      // After an entry (or at an empty collection's end): a comma, or closing brackets.
      const c = text.charCodeAt(k);
      if (c === closerOf(open[open.length - 1])) {
        open.pop();
        openRecords.pop();
        k++;
        if (open.length === 0) break;
        // Package yaml's node of a flow collection ends at its closing bracket.
        openRecords[openRecords.length - 1][entryAts.pop()! + 3] = k;
        k = skipSpaces(text, k, end);
      } else if (c === 44 /* , */) {
        k = skipSpaces(text, k + 1, end);
        state = FLOW_ENTRY;
      } else return BAIL;
    }
  }
  if (!restIsComment(text, k, end)) return BAIL;
  lastValue.start = q;
  lastValue.end = k;
  lastValue.type = CHILD + rootId;
  return root!;
}

/** A plain scalar inside a flow collection: it ends at `,`, `]` or `}`; anything that could make it more is BAIL. */
function readFlowPlain(text: string, q: number, end: number, lastValue: LastValue): unknown {
  let last = q;
  for (let k = q; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 93 || c === 125) break;
    if (c === 32) continue;
    // Nested flow, comments, keys (`a: b`, `a:`) and indicators (at the start) are not read here;
    // `a:b` and `a#b` are plain text.
    if (c === 91 || c === 123 || (c === 35 && text.charCodeAt(k - 1) === 32) || (k === q && (c === 34 || c === 39 || c === 35 || c === 58))) return BAIL;
    if (c === 58) {
      const after = text.charCodeAt(k + 1);
      if (k + 1 >= end || after === 32 || after === 44 || after === 91 || after === 93 || after === 123 || after === 125) return BAIL;
    }
    if (k === q && (c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96 || c === 63 || c === 124 || c === 62 || c === 45)) {
      // `-1` is a number; `- a` or `-` alone is not a scalar.
      const after = text.charCodeAt(k + 1);
      if (c !== 45 || k + 1 >= end || after === 32 || after === 44 || after === 93 || after === 125) return BAIL;
    }
    last = k + 1;
  }
  if (last === q) return BAIL;
  lastValue.start = q;
  lastValue.end = last;
  lastValue.type = PLAIN;
  return plainValue(text.slice(q, last));
}

function closerOf(collection: Collection): number {
  return Array.isArray(collection) ? 93 /* ] */ : 125 /* } */;
}

function place(collection: Collection, key: string, value: unknown): void {
  if (Array.isArray(collection)) collection.push(value);
  else collection[key] = value;
}
