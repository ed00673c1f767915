import type { TextEdit } from 'vscode-languageserver-types';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { PatternDocument } from '../../document/patternDocument';
import { isMap, isScalar, isSeq, pairOf } from '../../document/yamlPath';
import { lineBreakOf, trimEndOffset } from '../textEdits';

/** How a relationship list writes its entries, copied from its last entry. */
interface EntryStyle {
  readonly shape: 'block-map' | 'flow-map' | 'scalar';
  /** Columns from the dash to the entry's first key (`- slug:` → 2). */
  readonly keyOffset: number;
  readonly quote: '' | '"' | "'";
}

const DEFAULT_STYLE: EntryStyle = { shape: 'block-map', keyOffset: 2, quote: '' };
/** Columns from a relationship key to its list's dash when the file has no block list to copy from. */
const DEFAULT_DASH_OFFSET = 2;

/**
 * The one text edit that adds `slug` (with `weight`, when given) to `relationships.<kind>` of a
 * document, in the style of the entries already there: appended after the last entry of a block
 * list, inside a non-empty flow list, or as a new block list replacing `[]` / an empty value, or as
 * a new `<kind>:` key or `relationships:` mapping. Everything else stays byte for byte, with the
 * file's own line breaks. Undefined when the frontmatter has a shape this cannot safely extend.
 */
export function inverseEntryEdit(doc: PatternDocument, kind: string, slug: string, weight: number | undefined): TextEdit | undefined {
  const fm = doc.frontmatter;
  const root = doc.yaml?.contents;
  if (!fm?.closed || doc.yamlErrors.length > 0 || !isMap(root) || root.flow) return undefined;
  const eol = lineBreakOf(doc.text);
  const base = fm.yamlStart;
  const insertAt = (offset: number, newText: string): TextEdit => ({ range: doc.lines.rangeOf(offset, offset), newText });
  const relationships = pairOf(root.items, 'relationships');
  if (!relationships) {
    const entry = entryLines(DEFAULT_STYLE, ' '.repeat(2 + DEFAULT_DASH_OFFSET), slug, weight, eol);
    return insertAt(fm.yamlEnd, `relationships:${eol}  ${kind}:${eol}${entry}${eol}`);
  }
  const lists = relationships.value;
  if (!isMap(lists) || lists.flow || lists.items.length === 0) return undefined;
  const dashOffset = dashOffsetOf(doc, lists as YAMLMap) ?? DEFAULT_DASH_OFFSET;
  const pair = pairOf(lists.items, kind);
  if (!pair) {
    const keyColumn = columnOf(doc, base + rangeOf(lists.items[0].key)![0]);
    const after = lineEndAfter(doc, lists.items[lists.items.length - 1]);
    const entry = entryLines(DEFAULT_STYLE, ' '.repeat(keyColumn + dashOffset), slug, weight, eol);
    return insertAt(after, `${eol}${' '.repeat(keyColumn)}${kind}:${eol}${entry}`);
  }
  const list = pair.value;
  const keyRange = rangeOf(pair.key);
  if (!keyRange) return undefined;
  const keyColumn = columnOf(doc, base + keyRange[0]);
  if (isSeq(list) && list.items.length > 0 && !list.flow) {
    const last = list.items[list.items.length - 1] as Node;
    const lastRange = rangeOf(last);
    if (!lastRange) return undefined;
    const dash = doc.text.lastIndexOf('-', base + lastRange[0] - 1);
    const style = styleOf(doc, last);
    const end = doc.lines.lineEnd(doc.lines.positionAt(trimEndOffset(doc.text, base + lastRange[0], base + lastRange[1])).line);
    return insertAt(end, eol + entryLines(style, ' '.repeat(columnOf(doc, dash)), slug, weight, eol));
  }
  if (isSeq(list) && list.items.length > 0) {
    const close = base + rangeOf(list)![1] - 1;
    if (doc.text[close] !== ']') return undefined;
    const style = styleOf(doc, list.items[0] as Node);
    return insertAt(close, `, ${flowEntry(style, slug, weight)}`);
  }
  if ((isSeq(list) && list.flow) || list === null || (isScalar(list) && list.value === null)) {
    // `kind: []`, `kind: ~` or `kind:` → a block list under the key. ` []` / ` ~` go; a comment after them stays on the key's line.
    const colon = doc.text.indexOf(':', base + keyRange[1]);
    const lineEnd = doc.lines.lineEnd(doc.lines.positionAt(colon).line);
    const valueRange = rangeOf(list);
    const hasText = !!valueRange && valueRange[1] > valueRange[0];
    const removeStart = hasText ? colon + 1 : lineEnd;
    const removeEnd = hasText ? base + valueRange[1] : lineEnd;
    if (colon < 0 || removeEnd > lineEnd) return undefined;
    const entry = entryLines(DEFAULT_STYLE, ' '.repeat(keyColumn + dashOffset), slug, weight, eol);
    return { range: doc.lines.rangeOf(removeStart, lineEnd), newText: doc.text.slice(removeEnd, lineEnd) + eol + entry };
  }
  return undefined;
}

function entryLines(style: EntryStyle, indent: string, slug: string, weight: number | undefined, eol: string): string {
  const target = style.quote + slug + style.quote;
  if (style.shape === 'scalar') return `${indent}- ${target}`;
  if (style.shape === 'flow-map') return `${indent}- ${flowEntry(style, slug, weight)}`;
  const weightLine = weight === undefined ? '' : `${eol}${indent}${' '.repeat(style.keyOffset)}weight: ${weight}`;
  return `${indent}-${' '.repeat(style.keyOffset - 1)}slug: ${target}${weightLine}`;
}

function flowEntry(style: EntryStyle, slug: string, weight: number | undefined): string {
  const target = style.quote + slug + style.quote;
  if (style.shape === 'scalar') return target;
  return weight === undefined ? `{slug: ${target}}` : `{slug: ${target}, weight: ${weight}}`;
}

/** The style of an existing entry: its shape, key indentation and how its target is quoted. */
function styleOf(doc: PatternDocument, entry: Node): EntryStyle {
  if (isMap(entry)) {
    const target = pairOf(entry.items, 'slug')?.value ?? pairOf(entry.items, 'id')?.value;
    const entryRange = rangeOf(entry);
    const dash = entryRange ? doc.text.lastIndexOf('-', doc.frontmatter!.yamlStart + entryRange[0] - 1) : -1;
    const keyOffset = entryRange && dash >= 0 ? columnOf(doc, doc.frontmatter!.yamlStart + entryRange[0]) - columnOf(doc, dash) : 2;
    return { shape: entry.flow ? 'flow-map' : 'block-map', keyOffset: keyOffset >= 2 ? keyOffset : 2, quote: quoteOf(target) };
  }
  return { shape: 'scalar', keyOffset: 2, quote: quoteOf(entry) };
}

function quoteOf(node: unknown): EntryStyle['quote'] {
  const type = isScalar(node) ? (node as Scalar).type : undefined;
  return type === 'QUOTE_DOUBLE' ? '"' : type === 'QUOTE_SINGLE' ? "'" : '';
}

/** Columns from a relationship key to its list's dash, from the first block list of the mapping. */
function dashOffsetOf(doc: PatternDocument, lists: YAMLMap): number | undefined {
  const base = doc.frontmatter!.yamlStart;
  for (const pair of lists.items as Array<Pair<unknown, unknown>>) {
    const seq = pair.value as YAMLSeq | null;
    const keyRange = rangeOf(pair.key);
    const seqRange = rangeOf(seq);
    if (isSeq(seq) && !seq.flow && seq.items.length > 0 && keyRange && seqRange) {
      return columnOf(doc, base + seqRange[0]) - columnOf(doc, base + keyRange[0]);
    }
  }
  return undefined;
}

/** The end of the last line of a pair's value (a trailing comment on that line stays before the insertion). */
function lineEndAfter(doc: PatternDocument, pair: Pair<unknown, unknown>): number {
  const base = doc.frontmatter!.yamlStart;
  const keyRange = rangeOf(pair.key)!;
  const valueRange = rangeOf(pair.value);
  const end = valueRange ? trimEndOffset(doc.text, base + keyRange[1], base + valueRange[1]) : base + keyRange[1];
  return doc.lines.lineEnd(doc.lines.positionAt(Math.max(end, base + keyRange[1])).line);
}

function columnOf(doc: PatternDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
}
