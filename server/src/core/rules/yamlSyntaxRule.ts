import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { FrontmatterSplit } from '../document/frontmatter';
import { isScalar, locateOffset } from '../document/yamlPath';
import type { DiagnosticRule } from './rule';

/** `yaml-syntax`: the frontmatter is not valid YAML; the range is the offending token. */
export const yamlSyntaxRule: DiagnosticRule = {
  code: 'yaml-syntax',
  scope: 'document',
  description: 'The frontmatter is not valid YAML',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: 'any',
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm || !fm.closed) return [];
    const contentEnd = yamlContentEnd(doc, fm);
    return doc.yamlErrors.map((error) => {
      const [start, end] = aliasPosition(doc, fm, error.message) ?? error.pos ?? [0, 0];
      return {
        range: errorRange(doc, fm, contentEnd, fm.yamlStart + start, fm.yamlStart + Math.max(end, start, tokenEndAt(doc, start))),
        message: `Invalid YAML: ${firstLine(error.message)}`,
      };
    });
  },
};

/**
 * An unresolved alias is reported at the start of the document (it is found when the YAML is
 * converted, not where it is written); the offending token is the first `*name` in the YAML text.
 */
function aliasPosition(doc: PatternDocument, fm: FrontmatterSplit, message: string): [number, number] | undefined {
  const name = /^Unresolved alias\b.*: (\S+)$/.exec(firstLine(message))?.[1];
  if (name === undefined) return undefined;
  const yaml = doc.text.slice(fm.yamlStart, fm.yamlEnd);
  const at = yaml.search(new RegExp(`\\*${escapeRegExp(name)}(?![^\\s,\\]}])`));
  return at < 0 ? undefined : [at, at + 1 + name.length];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The end (in the YAML text) of the scalar that starts exactly where an error points, when it ends on
 * the same line: yaml points at the first character of a duplicate key or a bad plain scalar, the
 * whole token is the offending one. 0 when no such scalar starts there.
 */
function tokenEndAt(doc: PatternDocument, start: number): number {
  const node = locateOffset(doc.yaml, start).node;
  if (!isScalar(node) || !node.range || node.range[0] !== start) return 0;
  const yamlStart = doc.frontmatter?.yamlStart ?? 0;
  const token = doc.text.slice(yamlStart + start, yamlStart + node.range[1]);
  return /[\r\n]/.test(token) ? 0 : node.range[1];
}

/**
 * The range of an error inside the YAML text. Errors found at the end of the text (an unclosed
 * quote or bracket) would otherwise land on the closing `---`; they are shown on the last YAML
 * character instead. A zero-width position gets one visible character where there is one, never
 * half of a surrogate pair or of a CRLF.
 */
function errorRange(doc: PatternDocument, fm: FrontmatterSplit, contentEnd: number, from: number, to: number): Range {
  const text = doc.text;
  if (contentEnd === fm.yamlStart) return doc.lines.rangeOf(fm.yamlStart, fm.yamlStart);
  if (from >= contentEnd) return doc.lines.rangeOf(contentEnd - charLengthBefore(text, contentEnd), contentEnd);
  const clampedTo = Math.min(to, contentEnd);
  if (clampedTo > from) return doc.lines.rangeOf(from, splitsSurrogatePair(text, clampedTo) ? clampedTo + 1 : clampedTo);
  if (isLineBreak(text, from)) {
    // At a line's end: the last character of that line, if the line has any.
    const lineStart = doc.lines.lineStart(doc.lines.positionAt(from).line);
    return from > lineStart ? doc.lines.rangeOf(from - charLengthBefore(text, from), from) : doc.lines.rangeOf(from, from);
  }
  return doc.lines.rangeOf(from, from + charLengthAt(text, from));
}

/** The end of the YAML text without its final line breaks. */
function yamlContentEnd(doc: PatternDocument, fm: FrontmatterSplit): number {
  let end = fm.yamlEnd;
  while (end > fm.yamlStart && isLineBreak(doc.text, end - 1)) end--;
  return end;
}

function isLineBreak(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === 10 || c === 13;
}

/** True when `offset` falls between the two halves of a non-BMP character such as an emoji. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/** 2 for a surrogate pair starting at `offset`, else 1. */
function charLengthAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return c >= 0xd800 && c <= 0xdbff && offset + 1 < text.length ? 2 : 1;
}

/** 2 for a surrogate pair ending just before `offset`, else 1. */
function charLengthBefore(text: string, offset: number): number {
  const c = text.charCodeAt(offset - 1);
  return c >= 0xdc00 && c <= 0xdfff && offset >= 2 ? 2 : 1;
}

function firstLine(message: string): string {
  return message.split(/\r?\n/)[0].replace(/ at line \d+, column \d+:?$/, '');
}
