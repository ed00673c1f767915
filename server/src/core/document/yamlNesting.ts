import { isMap, isPair, isSeq, type Node } from 'yaml';

/**
 * How deep frontmatter collections may nest. The Commons OS library nests at most 4 levels. Deeper
 * YAML is refused before package yaml reads it into plain data, because that package is superlinear
 * there: collections opened on one line (`- - - …`, `? ? …`) cost it quadratic time in the lexer
 * (5,000 levels: ~4 s) and collections used as keys cost its toJS far worse (250 nested `? ` keys:
 * ~3 s, 500: ~90 s); beyond ~1,000 levels it overflows the stack.
 */
export const MAX_YAML_NESTING = 100;

export const TOO_DEEP_MESSAGE = `The frontmatter nests collections more than ${MAX_YAML_NESTING} levels deep, which is too deep to be read`;

/**
 * The offset in `yamlText` of a block indicator that opens more than `limit` collections on one line
 * (`- - - …`, `? - ? …`, with anchors and tags between them), or -1. Linear in the text.
 */
export function compactNestingOffset(yamlText: string, limit = MAX_YAML_NESTING): number {
  // Each indicator takes two characters (`- `): only a line of 2·limit + 1 characters can open more.
  let i = firstLongLine(yamlText, 2 * limit + 1);
  if (i < 0) return -1;
  const n = yamlText.length;
  while (i < n) {
    let indicators = 0;
    let keySkipped = false;
    for (;;) {
      while (i < n && isBlank(yamlText.charCodeAt(i))) i++;
      const c = yamlText.charCodeAt(i);
      const next = i + 1 < n ? yamlText.charCodeAt(i + 1) : 10;
      if ((c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) && (isBlank(next) || isBreak(next))) {
        if (++indicators > limit) return i;
        i++;
      } else if (c === 38 /* & */ || c === 33 /* ! */) {
        while (i < n && !isBlank(yamlText.charCodeAt(i)) && !isBreak(yamlText.charCodeAt(i))) i++;
      } else if (!keySkipped && i < n && !isBreak(c)) {
        // Once per line, an implicit key (`key: - - …`): go on after its `: `, or stop at the line's end.
        keySkipped = true;
        while (i < n && !isBreak(yamlText.charCodeAt(i)) && !(yamlText.charCodeAt(i) === 58 && isBlankOrBreak(yamlText, i + 1))) i++;
      } else break;
    }
    while (i < n && !isBreak(yamlText.charCodeAt(i))) i++;
    i++;
  }
  return -1;
}

/** The offset (in the YAML text) of the first collection nested deeper than `limit`, or -1. Iterative. */
export function deepNodeOffset(root: unknown, limit = MAX_YAML_NESTING): number {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isMap(node) || isSeq(node)) {
      if (depth + 1 > limit) return (node as Node).range?.[0] ?? 0;
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return -1;
}

/** True when plain data (objects and arrays) nests deeper than `limit`. Visits each object once. */
export function dataTooDeep(data: unknown, limit = MAX_YAML_NESTING): boolean {
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** The start of the first line at least `length` characters long, or -1: by line-break search, which is far faster than a regex trying every offset. */
function firstLongLine(text: string, length: number): number {
  if (text.length < length) return -1;
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A lone CR also ends a line; only a long LF-delimited line can hold a long CR-delimited one.
    if (end - start >= length) {
      const cr = text.indexOf('\r', start);
      if (cr < 0 || cr >= end) return start;
      for (let lineStart = start; lineStart < end; ) {
        let lineEnd = text.indexOf('\r', lineStart);
        if (lineEnd < 0 || lineEnd > end) lineEnd = end;
        if (lineEnd - lineStart >= length) return lineStart;
        lineStart = lineEnd + 1;
      }
    }
    if (end >= text.length) return -1;
    start = end + 1;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isBlankOrBreak(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return isBlank(c) || isBreak(c);
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}
