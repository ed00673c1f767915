import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { Pair } from 'yaml';
import type { PatternDocument } from '../document/patternDocument';
import { isMap, isScalar, isSeq } from '../document/yamlPath';
import type { FeatureContext } from './featureContext';
import { trimEndOffset } from './textEdits';

const DETAIL_LENGTH = 60;

/**
 * The outline: the frontmatter groups of the schema (`Group 1: Core Identity`, …) with the keys of
 * each that the file has, keys that belong to no group, then the body sections
 * (`Section 1: Context`, …). Every selection range lies inside its range, as LSP requires.
 */
export function provideDocumentSymbols(ctx: FeatureContext, doc: PatternDocument): DocumentSymbol[] {
  const keys = topLevelKeySymbols(doc);
  const symbols: DocumentSymbol[] = [];
  const grouped = new Set<string>();
  for (const group of ctx.schema.groups) {
    const children = keys.filter((k) => group.keys.includes(k.name));
    for (const key of group.keys) grouped.add(key);
    if (children.length === 0) continue;
    symbols.push({
      name: `Group ${group.group}: ${group.name}`,
      kind: SymbolKind.Namespace,
      range: { start: children[0].range.start, end: lastEnd(children) },
      selectionRange: children[0].selectionRange,
      children,
    });
  }
  symbols.push(...keys.filter((k) => !grouped.has(k.name)));
  for (const section of doc.sections) {
    const heading = doc.lines.rangeOf(section.headingStart, section.headingEnd);
    symbols.push({
      name: `Section ${section.number}: ${section.name}`,
      kind: SymbolKind.String,
      range: doc.lines.rangeOf(section.headingStart, trimEndOffset(doc.text, section.headingEnd, section.contentEnd)),
      selectionRange: heading,
      children: [],
    });
  }
  return symbols;
}

/** One symbol per top-level key, in document order: from the key to the end of its value. */
function topLevelKeySymbols(doc: PatternDocument): DocumentSymbol[] {
  const root = doc.yaml?.contents;
  if (!isMap(root)) return [];
  const base = doc.frontmatter?.yamlStart ?? 0;
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items as Array<Pair<unknown, unknown>>) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const keyStart = base + pair.key.range[0];
    const keyEnd = base + pair.key.range[1];
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const end = valueRange ? trimEndOffset(doc.text, keyEnd, base + valueRange[1]) : keyEnd;
    symbols.push({
      name: String(pair.key.value),
      kind: isSeq(pair.value) ? SymbolKind.Array : isMap(pair.value) ? SymbolKind.Object : SymbolKind.Property,
      detail: detailOf(pair.value),
      range: doc.lines.rangeOf(keyStart, Math.max(end, keyEnd)),
      selectionRange: doc.lines.rangeOf(keyStart, keyEnd),
      children: [],
    });
  }
  return symbols;
}

/** A scalar's value on one line, shortened; a list's length. */
function detailOf(value: unknown): string | undefined {
  if (isSeq(value)) return value.items.length === 1 ? '1 item' : `${value.items.length} items`;
  if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
  const characters = [...String(value.value).replace(/\s+/g, ' ').trim()];
  // By code point, so an emoji is never cut in half.
  return characters.length > DETAIL_LENGTH ? characters.slice(0, DETAIL_LENGTH - 1).join('') + '…' : characters.join('');
}

function lastEnd(symbols: readonly DocumentSymbol[]): Range['end'] {
  return symbols.reduce((end, s) => (s.range.end.line > end.line || (s.range.end.line === end.line && s.range.end.character > end.character) ? s.range.end : end), symbols[0].range.end);
}
