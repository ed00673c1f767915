import type { Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { nodeRange, type PatternDocument } from './patternDocument';
import { isMap, isScalar, isSeq, pairOf, scalarString, type YamlPath } from './yamlPath';

/** Where a link came from: a human-curated relationship or a machine-written inferred link. */
export type LinkSource = 'relationship' | 'inferred';

/** A reference to another pattern in a document's frontmatter, with the range of the target text. */
export interface LinkReference {
  readonly source: LinkSource;
  /** The relationship kind (`enables`, …) or, for an inferred link, its `type`. */
  readonly kind: string;
  readonly target: string;
  /** The range of the target scalar (including quotes, if any). */
  readonly range: Range;
  /** The range of the target's text without quotes: what a rename replaces. */
  readonly textRange: Range;
  readonly node: Node;
  /** Path to the target scalar, e.g. ['relationships','enables',0,'slug']. */
  readonly path: YamlPath;
  /** Path to the whole entry, e.g. ['relationships','enables',0]. */
  readonly entryPath: YamlPath;
  readonly weight: number | undefined;
}

/**
 * Every relationship and inferred-link target of a parsed document. The target of a relationship
 * entry is its `slug` when the entry is a mapping with a string `slug`; else its string `id`
 * (real files keep a slug there); or the entry itself when it is a plain string.
 */
export function findLinkReferences(doc: PatternDocument): LinkReference[] {
  const root = doc.yaml?.contents;
  if (!isMap(root)) return [];
  const refs: LinkReference[] = [];
  const relationships = pairOf(root.items, 'relationships')?.value;
  if (isMap(relationships)) {
    for (const pair of relationships.items) {
      const kind = scalarString(pair.key);
      if (kind === undefined || !isSeq(pair.value)) continue;
      pair.value.items.forEach((entry, index) => {
        const entryPath = ['relationships', kind, index];
        if (scalarString(entry) !== undefined) {
          refs.push(makeRef(doc, 'relationship', kind, entry as Node, entryPath, entryPath, undefined));
        } else if (isMap(entry)) {
          const key = scalarString(pairOf(entry.items, 'slug')?.value) !== undefined ? 'slug' : 'id';
          const target = pairOf(entry.items, key)?.value;
          if (scalarString(target) !== undefined) {
            refs.push(makeRef(doc, 'relationship', kind, target as Node, [...entryPath, key], entryPath, numberOf(pairOf(entry.items, 'weight')?.value)));
          }
        }
      });
    }
  }
  const garden = pairOf(root.items, 'graph_garden')?.value;
  const inferred = isMap(garden) ? pairOf(garden.items, 'inferred_links')?.value : undefined;
  if (isSeq(inferred)) {
    inferred.items.forEach((entry, index) => {
      if (!isMap(entry)) return;
      const target = pairOf(entry.items, 'target')?.value;
      if (scalarString(target) === undefined) return;
      const entryPath = ['graph_garden', 'inferred_links', index];
      const type = scalarString(pairOf(entry.items, 'type')?.value) ?? '';
      refs.push(makeRef(doc, 'inferred', type, target as Node, [...entryPath, 'target'], entryPath, numberOf(pairOf(entry.items, 'confidence')?.value)));
    });
  }
  return refs;
}

function makeRef(doc: PatternDocument, source: LinkSource, kind: string, node: Node, path: YamlPath, entryPath: YamlPath, weight: number | undefined): LinkReference {
  const target = scalarString(node) ?? '';
  const range = nodeRange(doc, node);
  return { source, kind, target: target.trim(), range, textRange: unquotedRange(doc, node, range), node, path, entryPath, weight };
}

/** The range of a scalar's text without its quotes (plain scalars: the whole range). */
function unquotedRange(doc: PatternDocument, node: Node, range: Range): Range {
  const type = isScalar(node) ? node.type : undefined;
  if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && range.end.character - range.start.character >= 2 && range.start.line === range.end.line) {
    return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
  }
  return range;
}

function numberOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
}
