import type { Node, Scalar } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import { findLinkReferences, type LinkReference } from '../document/linkReferences';
import { fileToYamlOffset, nodeRange, type PatternDocument } from '../document/patternDocument';
import { isMap, isScalar, pairOf } from '../document/yamlPath';

/** The slug text under the cursor: the pattern's own `slug` value, or a link target naming another pattern. */
export interface SlugAtPosition {
  readonly kind: 'declaration' | 'reference';
  /** The slug as the index keys it (trimmed). */
  readonly slug: string;
  /** The whole scalar, quotes included. */
  readonly range: Range;
  /** The scalar's text without quotes: what a rename replaces. */
  readonly textRange: Range;
  /** The link, for a reference. */
  readonly reference?: LinkReference;
}

/** A slug scalar of the document: its `slug:` value, or undefined when absent or not a scalar. */
export function slugDeclaration(doc: PatternDocument): Omit<SlugAtPosition, 'reference'> & { readonly node: Node } | undefined {
  const root = doc.yaml?.contents;
  if (!isMap(root)) return undefined;
  const node = pairOf(root.items, 'slug')?.value;
  if (!isScalar(node) || !node.range) return undefined;
  const value = (node as Scalar).value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const range = nodeRange(doc, node as Node);
  return { kind: 'declaration', slug: String(value).trim(), range, textRange: unquotedRange(node as Scalar, range), node: node as Node };
}

/**
 * What slug is under the cursor. The end of a scalar counts as inside it, so a cursor just after
 * the last letter (where editors put it after typing or double-clicking) still finds the slug.
 */
export function slugAtPosition(doc: PatternDocument, position: Position): SlugAtPosition | undefined {
  const offset = fileToYamlOffset(doc, doc.lines.offsetAt(position));
  if (offset < 0 || !doc.yaml) return undefined;
  const declaration = slugDeclaration(doc);
  if (declaration && contains(declaration.node, offset)) {
    const { node: _node, ...rest } = declaration;
    return rest;
  }
  const reference = findLinkReferences(doc).find((ref) => contains(ref.node, offset));
  if (!reference) return undefined;
  return { kind: 'reference', slug: reference.target, range: reference.range, textRange: reference.textRange, reference };
}

function contains(node: Node, offset: number): boolean {
  return !!node.range && offset >= node.range[0] && offset <= node.range[1];
}

/** A quoted scalar on one line loses its quotes; anything else is its whole range. */
function unquotedRange(node: Scalar, range: Range): Range {
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && range.start.line === range.end.line && range.end.character - range.start.character >= 2) {
    return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
  }
  return range;
}
