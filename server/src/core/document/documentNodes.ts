import type { Document, Node } from 'yaml';
import type { PatternDocument } from './patternDocument';
import { deepestNodeOnPath, keyNodeAtPath, type YamlPath } from './yamlPath';

/** What a look-up by path found: the node, or how far the tree went (`complete` false). */
export interface NodeLookup {
  readonly node: Node | undefined;
  readonly complete: boolean;
}

/**
 * Node look-ups by path on a document, through its `nodeAt`: on a fast-read document only a small
 * part of the YAML that holds the node is read. Rules decide on `doc.data` and ask for a node only
 * for the range of a finding.
 */

/** The value node at `path`, or undefined. */
export function valueNodeAt(doc: PatternDocument, path: YamlPath): Node | undefined {
  const found = doc.nodeAt(path, 'value');
  return found.complete ? found.node : undefined;
}

/** The key node of the pair at `path` (whose last step is a key), or undefined. */
export function keyNodeAt(doc: PatternDocument, path: YamlPath): Node | undefined {
  return doc.nodeAt(path, 'key').node;
}

/**
 * Follows a path as far as the YAML tree goes; `complete` is false when it stops early (a missing
 * key, or an alias on the way: the data reads through `*anchor`, the tree does not).
 */
export function deepestNodeAt(doc: PatternDocument, path: YamlPath): NodeLookup {
  return doc.nodeAt(path, 'value');
}

/** The look-up in a parsed tree; for `key`, the key node of the pair at `path`. */
export function lookUpNode(yaml: Document.Parsed | undefined, path: YamlPath, want: 'value' | 'key'): NodeLookup {
  if (want === 'key') {
    const key = keyNodeAtPath(yaml, path);
    return { node: key, complete: key !== undefined };
  }
  return deepestNodeOnPath(yaml, path);
}
