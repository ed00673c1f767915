import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Node } from 'yaml';
import { fileToYamlOffset, nodeRange, type PatternDocument } from '../../document/patternDocument';
import { isScalar, locateOffset } from '../../document/yamlPath';
import type { FeatureContext } from '../featureContext';
import { enumValueDescription, schemaMarkdown } from './schemaDocs';

/**
 * Hover from the schema: on a key, its description with its allowed values or range; on a value
 * the schema enumerates, that value's description. The range is the key or value hovered.
 */
export function schemaHover(ctx: FeatureContext, doc: PatternDocument, position: Position): Hover | undefined {
  const offset = fileToYamlOffset(doc, doc.lines.offsetAt(position));
  if (offset < 0 || !doc.yaml) return undefined;
  const location = locateOffset(doc.yaml, offset);
  const node = location.node;
  if (!node || !isScalar(node) || !node.range) return undefined;
  const schemaNode = ctx.schema.nodeAt(location.path);
  if (!schemaNode) return undefined;
  if (location.isKey) return markdownHover(schemaMarkdown(schemaNode, ctx.schema.nodeAt([...location.path, 0])), doc, node);
  const value = node.value;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const description = enumValueDescription(schemaNode, String(value));
  return markdownHover(description && `\`${String(value)}\`: ${description}`, doc, node);
}

function markdownHover(value: string | undefined, doc: PatternDocument, node: Node): Hover | undefined {
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: nodeRange(doc, node) } : undefined;
}
