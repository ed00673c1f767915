import { CORE_FLOAT, CORE_INT, coreFloatValue, coreIntValue } from './fastFrontmatter';

/**
 * Scalars for blockYaml.ts: plain scalars resolved by the YAML 1.2 core schema, double-quoted
 * escapes and block scalars (`>`, `|`). Each reads exactly what js-yaml (with fastFrontmatter.ts's
 * types) and package yaml read, or answers BAIL when unsure, so the caller reads the text their way.
 */

export const BAIL: unique symbol = Symbol('outside the block YAML subset');
export type Bail = typeof BAIL;

/** The value of a one-line plain scalar: null, a boolean, a number or the text itself. */
export function plainValue(text: string): unknown {
  const c = text.charCodeAt(0);
  // The first character decides which core-schema type may match, so most strings meet no regex.
  if ((c >= 48 && c <= 57) || c === 45 /* - */ || c === 43 /* + */ || c === 46 /* . */) {
    // The usual numbers (`3`, `0.85`, `-1`) need no regex: digits with at most one dot, as CORE_INT and CORE_FLOAT read them.
    let digits = 0;
    let dots = 0;
    let k = c === 45 || c === 43 ? 1 : 0;
    for (; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d >= 48 && d <= 57) digits++;
      else if (d === 46) dots++;
      else break;
    }
    // Number() reads these decimals exactly as parseInt and parseFloat do (`-0` too), and faster.
    if (k === text.length && digits > 0 && dots <= 1) return Number(text);
    if (CORE_INT.test(text)) return coreIntValue(text);
    if (CORE_FLOAT.test(text)) return coreFloatValue(text);
    return text;
  }
  if (c === 110 /* n */ || c === 78 /* N */ || c === 126 /* ~ */) {
    return text === 'null' || text === 'Null' || text === 'NULL' || text === '~' ? null : text;
  }
  if (c === 116 /* t */ || c === 84 /* T */) return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
  if (c === 102 /* f */ || c === 70 /* F */) return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
  return text;
}

/** Keys that the core schema reads as null or a boolean (never a string key in both parsers alike), or that an object cannot hold as data. */
const NON_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

export function isOrdinaryKey(key: string): boolean {
  // Only keys of 4, 5 or 9 characters can be one of those: most keys need no lookup.
  const length = key.length;
  return (length !== 4 && length !== 5 && length !== 9) || !NON_STRING_KEYS.has(key);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/',
  '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** The content of a one-line double-quoted scalar between `start` and `end` (its quotes excluded), escapes decoded. */
export function unescapeDoubleQuoted(text: string, start: number, end: number): string | Bail {
  let out = '';
  let from = start;
  for (let k = text.indexOf('\\', start); k >= 0 && k < end; k = text.indexOf('\\', from)) {
    out += text.slice(from, k);
    const code = text[k + 1];
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      out += simple;
      from = k + 2;
      continue;
    }
    const length = HEX_LENGTH[code];
    const hex = length === undefined ? '' : text.slice(k + 2, k + 2 + length);
    if (hex.length !== length || k + 2 + length > end || !/^[0-9a-fA-F]+$/.test(hex)) return BAIL;
    const point = parseInt(hex, 16);
    // Escaped surrogates and points past Unicode are read differently by the two parsers, if at all.
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return BAIL;
    out += String.fromCodePoint(point);
    from = k + 2 + length;
  }
  return out + text.slice(from, end);
}

export interface BlockScalar {
  readonly value: string;
  /** Where package yaml's node ends: after the last content line's break (with `+`, after the kept empty lines). */
  readonly end: number;
  /** The start of the first line after the scalar. */
  readonly next: number;
}

/**
 * A block scalar whose lines start at `from` (after its header line), inside a collection indented
 * `parentIndent`. Only the plain cases: content indentation taken from the first line, every line
 * of a folded scalar at exactly that indentation, no line of blanks deeper than the content, each
 * line ended by a line break, at least one content line. Anything else is BAIL.
 */
export function readBlockScalar(text: string, from: number, parentIndent: number, folded: boolean, chomp: number): BlockScalar | Bail {
  const n = text.length;
  let indent = -1;
  let value = '';
  let empties = 0; // empty lines since the last content line (or since the header)
  let deepestEmpty = 0;
  let contentEnd = from;
  let pos = from;
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? n : nl;
    const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let p = pos;
    while (p < end && text.charCodeAt(p) === 32) p++;
    const spaces = p - pos;
    if (p === end) {
      // An empty line. Its blanks beyond the content indentation would be content (or, before the
      // first content line, an error); a last line without a break is chomped differently by the two.
      if (nl < 0 || (indent >= 0 && spaces > indent)) return BAIL;
      if (spaces > deepestEmpty) deepestEmpty = spaces;
      empties++;
      pos = nl + 1;
      continue;
    }
    if (indent < 0) {
      if (spaces <= parentIndent || deepestEmpty > spaces) return BAIL;
      indent = spaces;
      value = '\n'.repeat(empties);
    } else if (spaces < indent) {
      break;
    } else {
      // Folding keeps the breaks around more-indented lines: not read here.
      if (spaces > indent && folded) return BAIL;
      value += folded && empties === 0 ? ' ' : '\n'.repeat(folded ? empties : empties + 1);
    }
    if (nl < 0) return BAIL;
    value += text.slice(pos + indent, end);
    empties = 0;
    pos = nl + 1;
    contentEnd = pos;
  }
  if (indent < 0) return BAIL;
  if (chomp === STRIP) return { value, end: contentEnd, next: pos };
  if (chomp === CLIP) return { value: value + '\n', end: contentEnd, next: pos };
  return { value: value + '\n'.repeat(empties + 1), end: pos, next: pos };
}

export const STRIP = 0;
export const CLIP = 1;
export const KEEP = 2;

/** A scalar continued on further lines: its folded text from the first line on, where it ends, the line after it. */
export interface ContinuedScalar {
  readonly value: string;
  /** Where package yaml's node ends (after the last text, or after the closing quote). */
  readonly end: number;
  /** The end of the scalar's last line, without its break: only a comment may come between. */
  readonly lineEnd: number;
  readonly next: number;
}

/**
 * The continuation lines of a plain scalar (block context) whose first line, `first`, ended without
 * a comment; lines start at `from`. A line indented deeper than `parentIndent` continues it; an
 * empty line is a line break, and single breaks fold to a space. Undefined when no line continues
 * it; BAIL for a continuation line that starts like an indicator or holds `: ` or ` #`.
 */
export function continuePlain(text: string, first: string, from: number, parentIndent: number): ContinuedScalar | undefined | Bail {
  const n = text.length;
  let value = first;
  let empties = 0;
  let end = -1;
  let lineEnd = -1;
  let next = from;
  let pos = from;
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const breakAt = nl < 0 ? n : nl;
    const e = breakAt > pos && text.charCodeAt(breakAt - 1) === 13 ? breakAt - 1 : breakAt;
    let p = pos;
    while (p < e && text.charCodeAt(p) === 32) p++;
    if (p === e) {
      empties++;
      pos = breakAt + 1;
      continue;
    }
    if (p - pos <= parentIndent || text.charCodeAt(p) === 35) break;
    if (INDICATORS.includes(text[p])) return BAIL;
    let last = p + 1;
    for (let k = p + 1; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c === 32) continue;
      if ((c === 35 && text.charCodeAt(k - 1) === 32) || (c === 58 && (k + 1 === e || text.charCodeAt(k + 1) === 32))) return BAIL;
      last = k + 1;
    }
    value += (empties === 0 ? ' ' : '\n'.repeat(empties)) + text.slice(p, last);
    empties = 0;
    end = last;
    lineEnd = e;
    pos = next = breakAt + 1;
  }
  return end < 0 ? undefined : { value, end, lineEnd, next };
}

/** Characters that may not start a plain continuation line here (some may in YAML, but are not read here). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

/**
 * A single- or double-quoted scalar (`quote`: ' or ") opened at `q` and not closed on its line (which
 * ends at `firstEnd`; the next line starts at `from`): lines are folded as in a plain scalar, each
 * continuation line indented deeper than `parentIndent`; escapes are decoded after folding. An
 * empty first or last line part, and a backslash before a line break (an escaped break, or escaped
 * blanks the folding would otherwise trim), are BAIL.
 */
export function continueQuoted(text: string, q: number, firstEnd: number, from: number, parentIndent: number, quote: string): ContinuedScalar | Bail {
  const n = text.length;
  const single = quote === "'";
  const first = text.slice(q + 1, firstEnd);
  if (first.trim() === '' || (!single && ESCAPED_BREAK.test(first))) return BAIL;
  let value = first.replace(/ +$/, '');
  let empties = 0;
  let pos = from;
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const breakAt = nl < 0 ? n : nl;
    const e = breakAt > pos && text.charCodeAt(breakAt - 1) === 13 ? breakAt - 1 : breakAt;
    const lineStart = pos;
    let p = pos;
    while (p < e && text.charCodeAt(p) === 32) p++;
    pos = breakAt + 1;
    if (p === e) {
      empties++;
      continue;
    }
    // A line less indented: the two parsers differ on how far a quoted scalar may go back.
    if (p - lineStart <= parentIndent) return BAIL;
    const close = single ? closingSingleQuote(text, p, e) : closingDoubleQuote(text, p, e);
    const part = close >= 0 ? text.slice(p, close) : text.slice(p, e);
    if (close >= 0 ? part.trim() === '' : !single && ESCAPED_BREAK.test(part)) return BAIL;
    value += (empties === 0 ? ' ' : '\n'.repeat(empties)) + (close >= 0 ? part : part.replace(/ +$/, ''));
    empties = 0;
    if (close >= 0) {
      const decoded = single ? value.replace(/''/g, "'") : unescapeDoubleQuoted(value, 0, value.length);
      return decoded === BAIL ? BAIL : { value: decoded, end: close + 1, lineEnd: e, next: breakAt + 1 };
    }
  }
  return BAIL;
}

/** A backslash before the line break, maybe with blanks between. */
const ESCAPED_BREAK = /\\ *$/;

/** The closing `'` in [p, end) (`''` is a quote inside), or -1. */
function closingSingleQuote(text: string, p: number, end: number): number {
  for (let k = text.indexOf("'", p); k >= 0 && k < end; k = text.indexOf("'", k + 2)) {
    if (text.charCodeAt(k + 1) !== 39 || k + 1 >= end) return k;
  }
  return -1;
}

/** The closing `"` in [p, end), escapes skipped, or -1. */
function closingDoubleQuote(text: string, p: number, end: number): number {
  for (let k = p; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 92 /* \ */) k++;
    else if (c === 34) return k;
  }
  return -1;
}
