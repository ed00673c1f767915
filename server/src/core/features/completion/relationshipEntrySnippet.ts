import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { sortTextOf } from './completionText';

/**
 * Snippets for a `{slug, weight}` relationship entry, the usual form of an entry. Their text
 * carries its own indentation (insertTextMode asIs), so every client inserts them on the right
 * columns, whether or not it re-indents snippets.
 */
const DEFAULT_WEIGHT = '0.8';

/** At `- |` in a relationship list: `slug:` on the dash's line, `weight:` under it. */
export function relationshipEntryItem(range: Range, contentColumn: number, lead: string): CompletionItem {
  return snippetItem('slug, weight', 'slug', range, `${lead}slug: \${1}\n${' '.repeat(contentColumn)}weight: \${2:${DEFAULT_WEIGHT}}`);
}

/** On an empty line at a relationship list's dash column: a whole new `- slug:` entry. */
export function newRelationshipEntryItem(range: Range, dashColumn: number): CompletionItem {
  return snippetItem('- slug, weight', '- slug', range, `- slug: \${1}\n${' '.repeat(dashColumn + 2)}weight: \${2:${DEFAULT_WEIGHT}}`);
}

/** The value of a relationship-kind key: the key, then a first entry on the lines below. */
export function relationshipListText(key: string, keyColumn: number): string {
  const dash = ' '.repeat(keyColumn + 2);
  return `${key}:\n${dash}- slug: \${1}\n${dash}  weight: \${2:${DEFAULT_WEIGHT}}`;
}

function snippetItem(label: string, filterText: string, range: Range, newText: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: 'relationship entry',
    documentation: { kind: 'markdown', value: 'A link to another pattern with its strength:\n\n```yaml\n- slug: emotional-safety\n  weight: 0.8\n```' },
    filterText,
    sortText: sortTextOf(0),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText },
  };
}
