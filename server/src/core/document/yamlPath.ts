import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';

export type YamlPath = ReadonlyArray<string | number>;

/** The node at a path of keys and indexes, or undefined. */
export function nodeAtPath(doc: Document.Parsed | undefined, path: YamlPath): Node | undefined {
  const found = deepestNodeOnPath(doc, path);
  return found.complete ? found.node : undefined;
}

/**
 * Follows a path as far as the tree goes: the node at its end (`complete`), or the last node reached
 * (a missing key, or an alias on the way: the data reads through `*anchor`, the tree does not).
 */
export function deepestNodeOnPath(doc: Document.Parsed | undefined, path: YamlPath): { node: Node | undefined; complete: boolean } {
  let node: unknown = doc?.contents;
  let reached = (node ?? undefined) as Node | undefined;
  for (const step of path) {
    if (typeof step === 'number' && isSeq(node)) node = node.items[step];
    else if (typeof step === 'string' && isMap(node)) node = pairOf(node.items, step)?.value;
    else return { node: reached, complete: false };
    if (node === undefined || node === null) return { node: reached, complete: false };
    reached = node as Node;
  }
  return { node: reached, complete: true };
}

/** The key node of the pair at `path` (whose last step is a key), or undefined. */
export function keyNodeAtPath(doc: Document.Parsed | undefined, path: YamlPath): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAtPath(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (typeof last !== 'string' || !isMap(parent)) return undefined;
  return (pairOf(parent.items, last)?.key ?? undefined) as Node | undefined;
}

export function pairOf(items: ReadonlyArray<Pair<unknown, unknown>>, key: string): Pair<unknown, unknown> | undefined {
  if (items.length < INDEXED_MAP_SIZE) return items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  let index = pairIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const p of items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndexes.set(items, index);
  }
  return index.get(key);
}

/**
 * Large mappings get an index by key, built on the first lookup: a linear search per lookup made
 * one diagnostic per key of a 100,000-key mapping cost O(n²). Parsed documents are not changed
 * after parsing, so an index stays valid; it lives as long as its mapping (a WeakMap).
 */
const INDEXED_MAP_SIZE = 64;
const pairIndexes = new WeakMap<ReadonlyArray<Pair<unknown, unknown>>, Map<string, Pair<unknown, unknown>>>();

/** What lies at an offset of the YAML text: the path to it and whether it is a key or a value. */
export interface YamlLocation {
  /** Path to the innermost node containing the offset (for a key: the path of its pair). */
  readonly path: YamlPath;
  readonly node: Node | undefined;
  readonly isKey: boolean;
  /** The innermost enclosing mapping or sequence, and its path. */
  readonly parent: Node | undefined;
  readonly parentPath: YamlPath;
}

/** Finds the innermost node at `offset` (relative to the YAML text); ranges are inclusive of their end. */
export function locateOffset(doc: Document.Parsed | undefined, offset: number): YamlLocation {
  let location: YamlLocation = { path: [], node: doc?.contents ?? undefined, isKey: false, parent: undefined, parentPath: [] };
  let node: unknown = doc?.contents;
  const path: Array<string | number> = [];
  for (;;) {
    if (isMap(node)) {
      const container = node as Node;
      const containerPath = [...path];
      const pair = node.items.find((p) => within(p.key, offset) || within(p.value, offset));
      if (!pair) return { ...location, parent: container, parentPath: containerPath };
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      path.push(key);
      if (within(pair.key, offset)) {
        return { path: [...path], node: pair.key as Node, isKey: true, parent: container, parentPath: containerPath };
      }
      node = pair.value;
      location = { path: [...path], node: node as Node, isKey: false, parent: container, parentPath: containerPath };
    } else if (isSeq(node)) {
      const container = node as Node;
      const containerPath = [...path];
      const index = node.items.findIndex((item) => within(item, offset));
      if (index < 0) return { ...location, parent: container, parentPath: containerPath };
      path.push(index);
      node = node.items[index];
      location = { path: [...path], node: node as Node, isKey: false, parent: container, parentPath: containerPath };
    } else {
      return location;
    }
  }
}

function within(node: unknown, offset: number): boolean {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

export function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof (node as Scalar).value === 'string' ? ((node as Scalar).value as string) : undefined;
}

export { isMap, isPair, isScalar, isSeq };
