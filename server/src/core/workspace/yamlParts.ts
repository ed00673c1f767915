import { isMap, isScalar, parseDocument, Scalar, visit, type Document, type Node } from 'yaml';
import { lookUpNode, type NodeLookup } from '../document/documentNodes';
import { isRecord } from '../document/formatVersion';
import { YAML_PARSE_OPTIONS } from '../document/patternDocument';
import type { YamlPath } from '../document/yamlPath';

/** Lines [start, end) of the YAML text: whole lines, `start` at a line's start. */
interface Region {
  readonly start: number;
  readonly end: number;
}

/** One entry of a block collection: a `key:` line or a `- ` item line, with the lines below it. */
interface Entry extends Region {
  /** The column of the key or of the `-`. */
  readonly indent: number;
  /** Where the entry's own text starts on its first line: after `key:` or after `- `. */
  readonly restStart: number;
  /** True for the first key of a mapping on a list item's line (`- key: value`): it cannot be parsed alone. */
  readonly inItemLine?: boolean;
  /** The key of a `key:` entry when it is a plain key (not `null`, `true` or `false`). */
  readonly key?: string;
}

/** A plain key and its `:`, matched where `lastIndex` says (sticky), without cutting the text. */
const PLAIN_KEY = /([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t\r\n]|$)/y;
const NOT_A_PLAIN_KEY = /^(?:null|true|false)$/i;

/**
 * Finds the node at a path of a block-style frontmatter without parsing all of it: for a link
 * target, the one line of its list item instead of 8 KB of YAML. The lines are found by indentation
 * — keys and `- ` items at a collection's column — following the path through the fast parse's
 * data, and a node is accepted only when it is certain: a scalar written whole on its line that
 * reads as the data's value (or the key asked for), else the smallest entry around it parsed with
 * package yaml whose node at the path is that scalar. Anything unusual (flow collections, block
 * scalars, quoted keys, a value spread over lines) falls back to the lines of the top-level key —
 * whose shape is checked against the data's keys — and then to a full parse (the caller's). Node
 * ranges are offsets of the whole YAML text, as in a full parse.
 */
export class YamlParts {
  private topLevel: Map<string, Entry> | undefined | null = null;
  private readonly topLevelParts = new Map<string, Document.Parsed | undefined>();

  /** `yamlText`: the frontmatter's YAML, line breaks \n or \r\n (lone CRs read as \n); `data`: its fast parse. */
  constructor(private readonly yamlText: string, private readonly data: Record<string, unknown>) {}

  /** The node at `path` (or the key of its pair), or undefined when this cannot say: parse the whole YAML then. */
  nodeAt(path: YamlPath, want: 'value' | 'key'): NodeLookup | undefined {
    if (path.length === 0 || typeof path[0] !== 'string') return undefined;
    return this.narrowLookUp(path, want) ?? this.topLevelLookUp(path, want);
  }

  /** In the lines of the top-level key `path[0]`, parsed once per key. */
  private topLevelLookUp(path: YamlPath, want: 'value' | 'key'): NodeLookup | undefined {
    const key = path[0] as string;
    if (!this.topLevelParts.has(key)) {
      const entry = this.topLevelEntries()?.get(key);
      let part = entry ? parsePart(this.yamlText, entry) : undefined;
      const root = part?.contents;
      if (!isMap(root) || root.items.length !== 1 || !isScalar(root.items[0].key) || root.items[0].key.value !== key) part = undefined;
      this.topLevelParts.set(key, part);
    }
    const yaml = this.topLevelParts.get(key);
    return yaml ? lookUpNode(yaml, path, want) : undefined;
  }

  /**
   * The top-level entries by key; undefined unless every column-0 line (other than comments, blank
   * lines and `- ` items of a compact list) is a plain key line and they name exactly the data's keys.
   */
  private topLevelEntries(): Map<string, Entry> | undefined {
    if (this.topLevel !== null) return this.topLevel;
    const keys = Object.keys(this.data);
    const entries = collectionEntries(this.yamlText, { start: 0, end: this.yamlText.length }, 'map', 0);
    const byKey = new Map<string, Entry>();
    for (const entry of entries ?? []) {
      const key = entry.key;
      if (key !== undefined) byKey.set(key, entry);
    }
    const exact = entries !== undefined && entries.length === keys.length && byKey.size === keys.length && keys.every((key) => byKey.has(key));
    this.topLevel = exact ? byKey : undefined;
    return this.topLevel;
  }

  /**
   * Follows the path down the entries of block collections (checking list lengths against the data),
   * then reads the node from its line, or parses the smallest entry that can stand alone around it.
   */
  private narrowLookUp(path: YamlPath, want: 'value' | 'key'): NodeLookup | undefined {
    const top = this.topLevelEntries()?.get(path[0] as string);
    if (!top) return undefined;
    let entry: Entry = top;
    let entryKind: 'map' | 'seq' = 'map';
    let value: unknown = this.data[path[0] as string];
    let stepIndex = 0;
    // The innermost entry that parses on its own (not a key of a `- key: value` item), and the path inside it.
    let standalone: { entry: Entry; inner: YamlPath } = { entry: top, inner: path };
    while (stepIndex + 1 < path.length) {
      const step = path[stepIndex + 1];
      const kind = typeof step === 'number' && Array.isArray(value) ? 'seq' : typeof step === 'string' && isRecord(value) ? 'map' : undefined;
      if (kind === undefined) break;
      const entries = this.entriesBelow(entry, entryKind, kind);
      if (!entries || (kind === 'seq' && entries.length !== (value as unknown[]).length)) break;
      const next: Entry | undefined = kind === 'seq' ? entries[step as number] : entries.find((e) => e.key === step);
      if (!next) break;
      entry = next;
      entryKind = kind;
      value = kind === 'seq' ? (value as unknown[])[step as number] : (value as Record<string, unknown>)[step as string];
      stepIndex++;
      if (!next.inItemLine) standalone = { entry: next, inner: [kind === 'seq' ? 0 : step, ...path.slice(stepIndex + 1)] };
    }
    if (stepIndex === path.length - 1) {
      const direct = want === 'key' ? this.keyOnItsLine(entry, entryKind, path[stepIndex]) : this.scalarOnItsLine(entry, value);
      if (direct) return { node: direct, complete: true };
    }
    const yaml = parsePart(this.yamlText, standalone.entry);
    if (!yaml || (yaml.contents as { items?: unknown[] } | null)?.items?.length !== 1) return undefined;
    const found = lookUpNode(yaml, standalone.inner, want);
    // `value` is the data where the walk stopped; the node must be the data at the whole path.
    const expected = want === 'key' ? path[path.length - 1] : stepIndex === path.length - 1 ? value : dataAt(this.data, path);
    return found.complete && isScalar(found.node) && Object.is(found.node.value, expected) ? found : undefined;
  }


  /** The entries of the block collection that is the value of `entry`, or undefined when it is not one. */
  private entriesBelow(entry: Entry, entryKind: 'map' | 'seq', kind: 'map' | 'seq'): Entry[] | undefined {
    if (entryKind === 'seq' && kind === 'map') {
      const compact = compactMapEntries(this.yamlText, entry);
      if (compact) return compact;
    }
    const content = blockContent(this.yamlText, entry);
    return content ? collectionEntries(this.yamlText, content, kind, entryKind === 'map' ? entry.indent : entry.indent + 1) : undefined;
  }

  /** A `key:` entry's key, read from its line. */
  private keyOnItsLine(entry: Entry, entryKind: 'map' | 'seq', key: string | number): Node | undefined {
    if (entryKind !== 'map' || entry.key !== key) return undefined;
    const start = entry.start + entry.indent;
    return scalarNode(key, start, start + (key as string).length, 'PLAIN');
  }

  /** A value written whole on its entry's line (`key: value`, `- value`), read from that line. */
  private scalarOnItsLine(entry: Entry, value: unknown): Node | undefined {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    if (hasContentLines(this.yamlText, nextLineStart(this.yamlText, entry.start), entry.end)) return undefined;
    const token = scalarToken(this.yamlText, entry.restStart, endOfLine(this.yamlText, entry.start), value);
    return token ? scalarNode(value, token.start, token.end, token.type) : undefined;
  }
}

/**
 * Reads one scalar written between `from` and `lineEnd` (blanks and a trailing comment aside) and
 * returns its offsets when it is certain to be `value`: a plain scalar equal to it as text, or a
 * quoted one whose unescaped text equals it. Anything else (a flow collection, an anchor, a tag, a
 * YAML-only escape) is left to package yaml.
 */
function scalarToken(text: string, from: number, lineEnd: number, value: string | number): { start: number; end: number; type: Scalar.Type } | undefined {
  let start = from;
  while (start < lineEnd && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  if (start >= lineEnd) return undefined;
  const first = text[start];
  if (first === '"' || first === "'") {
    if (typeof value !== 'string') return undefined;
    const close = closingQuote(text, start, lineEnd);
    if (close < 0 || !onlyCommentAfter(text, close + 1, lineEnd)) return undefined;
    const raw = text.slice(start, close + 1);
    const unquoted = first === "'" ? raw.slice(1, -1).replace(/''/g, "'") : jsonString(raw);
    return unquoted === value ? { start, end: close + 1, type: first === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE' } : undefined;
  }
  if ('[]{}&*!|>%@`#,?:-'.includes(first)) return undefined;
  let end = lineEnd;
  const comment = text.slice(start, lineEnd).search(/[ \t]#/);
  if (comment >= 0) end = start + comment;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(start, end) === String(value) ? { start, end, type: 'PLAIN' } : undefined;
}

/** The offset of the quote that closes the one at `open` on the same line, or -1. */
function closingQuote(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* backslash */) i++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

function onlyCommentAfter(text: string, from: number, lineEnd: number): boolean {
  return /^(?:[ \t]+#.*)?[ \t]*$/.test(text.slice(from, lineEnd));
}

/** A double-quoted scalar's text when its escapes are JSON's too; undefined otherwise. */
function jsonString(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/** The data at a path: a step into a list or a mapping, or undefined. */
export function dataAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const step of path) value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[step] : undefined;
  return value;
}

/** A scalar node as a full parse makes it, for a value read from its own line. */
export function scalarNode(value: unknown, start: number, end: number, type: Scalar.Type): Node {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.type = type;
  return node;
}

/** True when a line in [from, to) holds something other than blanks and a comment. */
function hasContentLines(text: string, from: number, to: number): boolean {
  for (let lineStart = from; lineStart < to; lineStart = nextLineStart(text, lineStart)) {
    let i = lineStart;
    while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    if (i < to && c !== 10 && c !== 13 && c !== 35) return true;
  }
  return false;
}

/**
 * The keys of a mapping that starts on a list item's line (`- slug: x` then `  weight: 1`): the first
 * is on the item's line (`inItemLine`), the others at its column below. Undefined when the item's
 * line does not start with a plain key.
 */
function compactMapEntries(yamlText: string, item: Entry): Entry[] | undefined {
  let keyStart = item.restStart;
  const lineEnd = endOfLine(yamlText, item.start);
  while (keyStart < lineEnd && yamlText.charCodeAt(keyStart) === 32) keyStart++;
  const match = plainKeyAt(yamlText, keyStart);
  if (!match) return undefined;
  const column = keyStart - item.start;
  const below = nextLineStart(yamlText, item.start);
  const rest = below < item.end ? collectionEntries(yamlText, { start: below, end: item.end }, 'map', column) : [];
  if (!rest || (rest.length > 0 && rest[0].indent !== column)) return undefined;
  const first: Entry = { start: item.start, indent: column, restStart: keyStart + match[0].length, end: rest.length > 0 ? rest[0].start : item.end, inItemLine: true, key: plainKeyOf(match) };
  return [first, ...rest];
}

function parsePart(yamlText: string, region: Region): Document.Parsed | undefined {
  const part = parseDocument(yamlText.slice(region.start, region.end), YAML_PARSE_OPTIONS);
  if (part.errors.length > 0) return undefined;
  const shift = (range: [number, number, number] | null | undefined) => {
    if (range) for (let i = 0; i < 3; i++) range[i] += region.start;
  };
  visit(part, { Node: (_, node) => shift(node.range) });
  shift(part.range);
  return part;
}

function plainKeyOf(match: RegExpExecArray): string | undefined {
  return NOT_A_PLAIN_KEY.test(match[1]) ? undefined : match[1];
}

function plainKeyAt(yamlText: string, at: number): RegExpExecArray | null {
  const pattern = new RegExp(PLAIN_KEY.source, PLAIN_KEY.flags);
  pattern.lastIndex = at;
  return pattern.exec(yamlText);
}

/**
 * The lines below an entry's first line, when its value is a block collection there: the first line
 * holds nothing after `key:` / `- ` but a comment. Undefined for a value on the first line.
 */
function blockContent(yamlText: string, entry: Entry): Region | undefined {
  const lineEnd = endOfLine(yamlText, entry.start);
  const rest = yamlText.slice(entry.restStart, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  const next = nextLineStart(yamlText, entry.start);
  return next < entry.end ? { start: next, end: entry.end } : undefined;
}

/**
 * The entries of a block mapping or sequence whose lines are `region`: the lines at the column of its
 * first line. `minIndent`: the column the collection must reach (a list may sit at its key's column).
 * Undefined when the lines do not have that shape.
 */
function collectionEntries(yamlText: string, region: Region, kind: 'map' | 'seq', minIndent: number): Entry[] | undefined {
  const entries: Array<Omit<Entry, 'end'>> = [];
  let column = -1;
  for (let lineStart = region.start; lineStart < region.end; lineStart = nextLineStart(yamlText, lineStart)) {
    let indent = 0;
    while (yamlText.charCodeAt(lineStart + indent) === 32) indent++;
    const c = yamlText.charCodeAt(lineStart + indent);
    if (lineStart + indent >= region.end || c === 10 || c === 13 || c === 35 /* # */) continue;
    if (c === 9 /* tab */) return undefined;
    if (column < 0) {
      if (indent < minIndent) return undefined;
      column = indent;
    }
    if (indent > column) continue;
    if (indent < column) return undefined;
    const isItem = c === 45 /* - */ && /^-(?:[ \t\r\n]|$)/.test(yamlText.slice(lineStart + indent, lineStart + indent + 2));
    if (kind === 'seq') {
      if (!isItem) return undefined;
      entries.push({ start: lineStart, indent, restStart: lineStart + indent + 1 });
    } else if (isItem) {
      // A list at its key's column belongs to the entry above.
      if (entries.length === 0) return undefined;
    } else {
      const match = plainKeyAt(yamlText, lineStart + indent);
      // A line at the column that is not a plain `key:` (a quoted or complex key): not a shape to narrow.
      if (!match) return undefined;
      entries.push({ start: lineStart, indent, restStart: lineStart + indent + match[0].length, key: plainKeyOf(match) });
    }
  }
  return entries.map((entry, i) => ({ ...entry, end: i + 1 < entries.length ? entries[i + 1].start : region.end }));
}

function nextLineStart(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? text.length : lf + 1;
}

function endOfLine(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
