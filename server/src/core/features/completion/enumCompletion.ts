import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { FeatureContext } from '../featureContext';
import { enumValueDescription, enumValues } from '../hover/schemaDocs';
import { sortTextOf, typedRange, yamlValueText } from './completionText';
import type { YamlCursor, YamlOutline } from './yamlOutline';

/**
 * The schema's allowed values of the field at the cursor, with their descriptions, in the
 * schema's order; in a list, the values already listed are left out. Undefined when the field
 * has no enum.
 */
export function completeEnumValues(ctx: FeatureContext, outline: YamlOutline, cursor: Extract<YamlCursor, { kind: 'value' }>): CompletionItem[] | undefined {
  const node = ctx.schema.nodeAt(cursor.path);
  const values = node ? enumValues(node) : [];
  if (!node || values.length === 0) return undefined;
  const listed = new Set<string>();
  const index = cursor.path[cursor.path.length - 1];
  if (typeof index === 'number') {
    outline.seqAt(cursor.path.slice(0, -1))?.entries.forEach((entry, i) => {
      if (i !== index && entry.scalar) listed.add(entry.scalar);
    });
  }
  const range = typedRange(cursor.typed);
  return values
    .map((value, rank) => ({ value, rank }))
    .filter(({ value }) => !listed.has(value))
    .map(({ value, rank }) => {
      const description = enumValueDescription(node, value);
      return {
        label: value,
        kind: CompletionItemKind.EnumMember,
        documentation: description ? { kind: MarkupKind.Markdown, value: description } : undefined,
        sortText: sortTextOf(rank),
        textEdit: { range, newText: yamlValueText(value, cursor.typed) },
      } satisfies CompletionItem;
    });
}
