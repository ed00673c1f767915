import { BAIL, unescapeDoubleQuoted, type Bail } from './blockYamlScalars';
import { QUOTE_DOUBLE, QUOTE_SINGLE } from './blockYamlSpans';

/**
 * Reading within one line, for blockYaml.ts and blockYamlFlow.ts: blanks, comments, keys and
 * quoted scalars closed on their line.
 */

/**
 * The value read last, set by each function that reads one: its span and span type (an
 * out-parameter, so that reading a value allocates nothing besides it). A reader of a text keeps
 * one for the whole text.
 */
export interface LastValue {
  start: number;
  end: number;
  type: number;
  /** The first backslash at or after the last quoted scalar's start, found once for many scalars. */
  nextBackslash: number;
}

/** `end` after a quoted scalar that is not closed on its line. */
export const UNCLOSED = -1;

/** The end of a plain key (`name:` followed by a blank or the line's end), or -1: keys are names, as in patterns. */
export function keyEnd(text: string, p: number, end: number): number {
  let c = text.charCodeAt(p);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return -1;
  let k = p + 1;
  for (; k < end; k++) {
    c = text.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
  }
  // Package yaml allows an implicit key of at most 1,024 characters.
  return c === 58 && k < end && (k + 1 === end || text.charCodeAt(k + 1) === 32) && k - p < 1000 ? k : -1;
}

export function skipSpaces(text: string, k: number, end: number): number {
  while (k < end && text.charCodeAt(k) === 32) k++;
  return k;
}

/** True when only blanks, or blanks and a comment, follow `k` on its line. */
export function restIsComment(text: string, k: number, end: number): boolean {
  const after = skipSpaces(text, k, end);
  return after === end || (after > k && text.charCodeAt(after) === 35);
}

/** A double-quoted scalar closed on its line; sets its span. */
export function readDoubleQuoted(text: string, q: number, end: number, lastValue: LastValue): string | Bail {
  let from = q + 1;
  let escaped = false;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0 || quote >= end) {
      lastValue.end = UNCLOSED;
      return BAIL;
    }
    if (lastValue.nextBackslash < from) {
      lastValue.nextBackslash = text.indexOf('\\', from);
      if (lastValue.nextBackslash < 0) lastValue.nextBackslash = text.length;
    }
    if (lastValue.nextBackslash > quote) {
      lastValue.start = q;
      lastValue.end = quote + 1;
      lastValue.type = QUOTE_DOUBLE;
      return escaped ? unescapeDoubleQuoted(text, q + 1, quote) : text.slice(q + 1, quote);
    }
    escaped = true;
    from = lastValue.nextBackslash + 2;
  }
}

/** A single-quoted scalar closed on its line; sets its span. */
export function readSingleQuoted(text: string, q: number, end: number, lastValue: LastValue): string | Bail {
  let from = q + 1;
  let doubled = false;
  for (;;) {
    const quote = text.indexOf("'", from);
    if (quote < 0 || quote >= end) {
      lastValue.end = UNCLOSED;
      return BAIL;
    }
    if (text.charCodeAt(quote + 1) === 39 && quote + 1 < end) {
      doubled = true;
      from = quote + 2;
      continue;
    }
    lastValue.start = q;
    lastValue.end = quote + 1;
    lastValue.type = QUOTE_SINGLE;
    const value = text.slice(q + 1, quote);
    return doubled ? value.replace(/''/g, "'") : value;
  }
}
