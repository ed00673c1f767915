import { unquoteScalar } from './yamlLine';

/** One scalar of a flow collection on a single line, with the columns of its text. */
export interface FlowScalar {
  /** The text without quotes. */
  readonly text: string;
  /** Columns of the text inside quotes (for a plain scalar: the trimmed token). */
  readonly start: number;
  readonly end: number;
  readonly quote: '"' | "'" | undefined;
}

/** One item of a flow sequence, or one pair of a flow mapping. */
export interface FlowItem {
  readonly key: FlowScalar | undefined;
  readonly value: FlowScalar;
  /** Columns of the whole item, between its separators. */
  readonly start: number;
  readonly end: number;
}

export interface FlowCollection {
  readonly kind: 'seq' | 'map';
  readonly items: readonly FlowItem[];
  /** Column just past the closing bracket, or the line's length when unclosed. */
  readonly end: number;
  readonly closed: boolean;
}

/**
 * Reads a one-level flow collection (`[a, "b"]` or `{slug: x, weight: 0.8}`) that opens at
 * column `open`. Nested collections are kept as opaque items: completion only needs the scalars
 * of the level the cursor is on. An empty item is kept (`[a, ]` has a second, empty item: the
 * place where one is typing); callers that want the values skip empty ones.
 */
export function readFlowCollection(line: string, open: number): FlowCollection {
  const kind = line[open] === '{' ? 'map' : 'seq';
  const close = kind === 'map' ? '}' : ']';
  const items: FlowItem[] = [];
  let itemStart = open + 1;
  let depth = 0;
  let quote: string | undefined;
  let i = open + 1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === close)) {
      items.push(readItem(line, itemStart, i, kind));
      itemStart = i + 1;
      if (c === close) return { kind, items, end: i + 1, closed: true };
    } else if (c === '#' && depth === 0 && /\s/.test(line[i - 1] ?? '')) {
      break;
    }
  }
  items.push(readItem(line, itemStart, i, kind));
  return { kind, items, end: line.length, closed: false };
}

function readItem(line: string, start: number, end: number, kind: 'seq' | 'map'): FlowItem {
  if (kind === 'map') {
    const colon = findPairColon(line, start, end);
    if (colon >= 0) return { key: readScalar(line, start, colon), value: readScalar(line, colon + 1, end), start, end };
  }
  return { key: undefined, value: readScalar(line, start, end), start, end };
}

function findPairColon(line: string, start: number, end: number): number {
  let quote: string | undefined;
  for (let i = start; i < end; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ':' && (i + 1 >= end || /[\s,]/.test(line[i + 1]))) return i;
  }
  return -1;
}

/** The scalar between two columns: trimmed, and for a quoted scalar the columns inside the quotes. */
function readScalar(line: string, from: number, to: number): FlowScalar {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  const first = line[start];
  if (first === '"' || first === "'") {
    const closed = end - start >= 2 && line[end - 1] === first;
    return { text: unquoteScalar(closed ? line.slice(start, end) : line.slice(start, end) + first), start: start + 1, end: closed ? end - 1 : end, quote: first };
  }
  return { text: line.slice(start, end), start, end, quote: undefined };
}

/** The bracket balance of a line, ignoring quoted text: negative when it closes a collection opened earlier. */
export function flowDepth(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}
