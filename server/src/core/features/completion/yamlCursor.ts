import type { YamlPath } from '../../document/yamlPath';
import type { FlowCollection } from './flowLine';
import { closingQuote, isBlockScalarIndicator, type YamlLine } from './yamlLine';

/** The text being typed at the cursor, as columns of the cursor's line. */
export interface TypedText {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The text from `start` to the cursor: what completion filters by. */
  readonly prefix: string;
  /** What an inserted value needs before it: a space after a colon that has none (`slug:|`). */
  readonly lead: string;
  /** The quote around the value being typed, when it is quoted. */
  readonly quote: '"' | "'" | undefined;
}

export type YamlCursor =
  /** A key is being typed (or the cursor is on an empty line) inside the mapping at containerPath. */
  | { readonly kind: 'key'; readonly containerPath: YamlPath; readonly keyColumn: number; readonly typed: TypedText; readonly hasColon: boolean; readonly startsBlock: boolean }
  /** A scalar value: of a key, a flow item, or a block sequence item (`- |`, then bareItem is set). */
  | { readonly kind: 'value'; readonly path: YamlPath; readonly typed: TypedText; readonly bareItem: { readonly contentColumn: number } | undefined }
  /** An empty line at the dash column of a block sequence: where a new `- ` entry goes. */
  | { readonly kind: 'newItem'; readonly seqPath: YamlPath; readonly dashColumn: number; readonly typed: TypedText };

export function typed(text: string, line: number, start: number, end: number, ch: number, lead: string, quote?: '"' | "'"): TypedText {
  return { line, start, end, prefix: text.slice(start, Math.max(start, ch)), lead, quote };
}

/** The cursor in a scalar value on its line: plain (the whole value) or quoted (inside the quotes). */
export function scalarCursor(path: YamlPath, text: string, t: YamlLine, lineNo: number, ch: number, lead: string, bareItem: { contentColumn: number } | undefined): YamlCursor | undefined {
  const first = text[t.valueStart];
  if (first === '"' || first === "'") {
    const close = closingQuote(text, t.valueStart);
    const end = close >= 0 ? close : t.valueEnd;
    if (ch <= t.valueStart || ch > end) return undefined;
    return { kind: 'value', path, typed: typed(text, lineNo, t.valueStart + 1, end, ch, '', first), bareItem };
  }
  if (t.valueStart === t.valueEnd) return { kind: 'value', path, typed: typed(text, lineNo, ch, ch, ch, lead), bareItem };
  if (isBlockScalarIndicator(text.slice(t.valueStart, t.valueEnd)) || /^[&*!]/.test(first)) return undefined;
  if (ch < t.valueStart) return undefined;
  return { kind: 'value', path, typed: typed(text, lineNo, t.valueStart, Math.max(t.valueEnd, t.valueStart), ch, lead), bareItem };
}

/** The cursor inside a one-line flow collection: the item (or, in a mapping, the pair's value) it is in. */
export function flowCursor(flow: FlowCollection, path: YamlPath, text: string, lineNo: number, ch: number): YamlCursor | undefined {
  const index = flow.items.findIndex((item) => ch >= item.start && ch <= item.end);
  if (index < 0) return undefined;
  const item = flow.items[index];
  const scalar = item.value;
  if (ch < scalar.start || ch > scalar.end) return undefined;
  if (flow.kind === 'map') {
    if (!item.key) return undefined;
    return { kind: 'value', path: [...path, item.key.text], typed: typed(text, lineNo, scalar.start, scalar.end, ch, '', scalar.quote), bareItem: undefined };
  }
  return { kind: 'value', path: [...path, index], typed: typed(text, lineNo, scalar.start, scalar.end, ch, '', scalar.quote), bareItem: undefined };
}
