import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../document/lineIndex';
import type { PatternDocument } from '../document/patternDocument';
import type { PatternHost } from './featureContext';

/**
 * Small helpers for the minimal edits that rename and the quick fixes make: they replace only the
 * text they mean to change, so comments, quoting, line endings, the BOM and the body stay as they were.
 */

/** An edit of one document, versioned when the document is open so a stale edit is refused by the editor. */
export function documentEdit(host: PatternHost, doc: PatternDocument, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri: doc.uri, version: host.isOpen(doc.uri) ? doc.version : null }, edits };
}

/** The line break the file already uses (the first one found), so inserted lines match it. */
export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

/** The offset just before any trailing whitespace (and line breaks) of text[start, end). */
export function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/**
 * Applies LSP text edits to a text, as an editor would: every range refers to the original text.
 * Overlapping edits are a programming error and throw.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos) throw new Error(`Overlapping text edits at offset ${span.start}`);
    result += text.slice(pos, span.start) + span.newText;
    pos = span.end;
  }
  return result + text.slice(pos);
}
