/**
 * Reads one line of block-style YAML without a parser: its indentation, sequence dashes, a
 * `key:` and the value text. Completion needs this because while one types, the YAML is usually
 * broken exactly at the cursor, and a full parse then says nothing about the cursor's line.
 * Columns are UTF-16 offsets within the line, as LSP characters are.
 */
export interface YamlLineKey {
  /** The key without quotes. */
  readonly text: string;
  /** Columns of the key token (including quotes, if any). */
  readonly start: number;
  readonly end: number;
  /** Column of the `:`. */
  readonly colon: number;
}

export interface YamlLine {
  /** True for a blank or comment-only line. */
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the `- ` sequence markers, in order (`- - x` has two). */
  readonly dashes: readonly number[];
  /** Column where the content after indentation and dashes starts. */
  readonly contentStart: number;
  readonly key: YamlLineKey | undefined;
  /** The value's columns: after `key: ` (or the content, without a key), up to a comment, trimmed. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Column of a trailing `#` comment, or the line's length. */
  readonly commentStart: number;
}

const PLAIN_KEY = /^([^\s#'"[\]{},:>|!&*%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;
const DOUBLE_KEY = /^("(?:[^"\\]|\\.)*")[ \t]*:(?=[ \t]|$)/;
const SINGLE_KEY = /^('(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;

export function readYamlLine(line: string): YamlLine {
  let i = skipSpaces(line, 0);
  const indent = i;
  if (i >= line.length || line[i] === '#') {
    return { blank: true, indent, dashes: [], contentStart: i, key: undefined, valueStart: i, valueEnd: i, commentStart: i };
  }
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i = skipSpaces(line, i + 1);
  }
  const contentStart = i;
  const commentStart = findCommentStart(line, contentStart);
  const key = readKey(line, contentStart, commentStart);
  const valueStart = key ? Math.min(skipSpaces(line, key.colon + 1), commentStart) : contentStart;
  let valueEnd = commentStart;
  while (valueEnd > valueStart && (line[valueEnd - 1] === ' ' || line[valueEnd - 1] === '\t')) valueEnd--;
  return { blank: false, indent, dashes, contentStart, key, valueStart, valueEnd, commentStart };
}

function readKey(line: string, start: number, commentStart: number): YamlLineKey | undefined {
  const rest = line.slice(start, commentStart);
  const m = rest.match(DOUBLE_KEY) ?? rest.match(SINGLE_KEY) ?? rest.match(PLAIN_KEY);
  if (!m) return undefined;
  const token = m[1];
  const colon = start + m[0].length - 1;
  return { text: unquoteScalar(token), start, end: start + token.length, colon };
}

/** The column of a `#` that starts a comment (preceded by whitespace, outside quotes), or the line's length. */
export function findCommentStart(line: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === from || /[\s[{,:]/.test(line[i - 1]))) {
      quote = c;
    } else if (c === '#' && (i === from || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return i;
    }
  }
  return line.length;
}

/** The text of a scalar token: quotes removed and the common escapes undone. */
export function unquoteScalar(token: string): string {
  const t = token.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** True when a value text opens a block scalar (`|`, `>-`, `|2+`, …). */
export function isBlockScalarIndicator(value: string): boolean {
  return /^[|>][0-9+-]*$/.test(value);
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** The column of the quote that closes a quoted scalar opening at `open`, or -1 when it does not close on this line. */
export function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}
