import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { YamlPath } from '../../document/yamlPath';
import type { SchemaNode } from '../../schema/patternSchema';
import type { FeatureContext } from '../featureContext';
import { schemaMarkdown, schemaTypes } from '../hover/schemaDocs';
import { sortTextOf, typedRange } from './completionText';
import { isRelationshipListPath } from './linkTargetSlot';
import { relationshipListText } from './relationshipEntrySnippet';
import type { TypedText, YamlOutline } from './yamlOutline';

/** Where keys are being completed: the mapping, the column a key starts at, and the text typed. */
export interface KeySlot {
  readonly containerPath: YamlPath;
  readonly keyColumn: number;
  readonly typed: TypedText;
  /** True when the line already has the colon: then only the key's name is replaced. */
  readonly hasColon: boolean;
}

/**
 * The keys the schema allows in the mapping at the cursor that it does not have yet, in the
 * schema's order, each with its documentation and a snippet for its value: `key: `, or for a
 * list or mapping the key and an indented first line under it.
 */
export function completeKeys(ctx: FeatureContext, outline: YamlOutline, slot: KeySlot): CompletionItem[] {
  const properties = ctx.schema.nodeAt(slot.containerPath)?.properties;
  if (!properties) return [];
  const present = outline.mapAt(slot.containerPath)?.keys;
  const range = typedRange(slot.typed);
  const items: CompletionItem[] = [];
  Object.entries(properties).forEach(([key, raw], rank) => {
    const presentOn = present?.get(key);
    if (presentOn !== undefined && presentOn !== slot.typed.line) return;
    const node = ctx.schema.resolve(raw) ?? raw;
    const documentation = schemaMarkdown(node, ctx.schema.nodeAt([...slot.containerPath, key, 0]));
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: typeLabel(node),
      documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
      sortText: sortTextOf(rank),
      filterText: key,
      insertTextFormat: slot.hasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: slot.typed.lead + (slot.hasColon ? key : keySnippet(key, node, [...slot.containerPath, key], slot.keyColumn)) },
    });
  });
  return items;
}

function keySnippet(key: string, node: SchemaNode, path: YamlPath, keyColumn: number): string {
  if (isRelationshipListPath(path)) return relationshipListText(key, keyColumn);
  const types = schemaTypes(node);
  const indent = ' '.repeat(keyColumn + 2);
  // A field that may also be a plain string (a person, a source) is written inline most often.
  if (types.includes('string')) return `${key}: $0`;
  if (types.includes('array')) return `${key}:\n${indent}- $0`;
  if (types.includes('object')) return `${key}:\n${indent}$0`;
  return `${key}: $0`;
}

/** A short type label for the item's detail: `string`, `number 0–5`, `draft | revised | …`. */
function typeLabel(node: SchemaNode): string | undefined {
  if (Array.isArray(node.enum)) return node.enum.map(String).join(' | ');
  const types = schemaTypes(node).join(' | ');
  if (!types) return undefined;
  const { minimum: min, maximum: max } = node;
  return typeof min === 'number' && typeof max === 'number' ? `${types} ${min}–${max}` : types;
}
