import type { Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { nodeRange, type PatternDocument } from './patternDocument';
import { linkTargetsOf, type LinkSource } from './linkTargets';
import { isScalar, scalarString, type YamlPath } from './yamlPath';

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
 * Every relationship and inferred-link target of a parsed document, as linkTargets.ts reads them
 * from the data (one definition of a link for the index, the rules and the features), with the
 * target's node and ranges. A target that is not a scalar in the tree (it comes through an alias) is
 * left out: there is no text of its own to show or rename.
 */
export function findLinkReferences(doc: PatternDocument): LinkReference[] {
  const refs: LinkReference[] = [];
  for (const link of linkTargetsOf(doc.data)) {
    const { node, complete } = doc.nodeAt(link.path, 'value');
    if (!complete || scalarString(node) === undefined) continue;
    const range = nodeRange(doc, node);
    const { source, kind, target, weight, path, entryPath } = link;
    refs.push({ source, kind, target, weight, path, entryPath, range, textRange: unquotedRange(doc, node!, range), node: node! });
  }
  return refs;
}

/** The range of a scalar's text without its quotes (plain scalars: the whole range). */
function unquotedRange(doc: PatternDocument, node: Node, range: Range): Range {
  const type = isScalar(node) ? node.type : undefined;
  if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && range.end.character - range.start.character >= 2 && range.start.line === range.end.line) {
    return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
  }
  return range;
}
