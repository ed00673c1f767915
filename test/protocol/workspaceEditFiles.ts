import * as fs from 'fs';
import type { FileEvent, Position, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

const BOM = '\ufeff';

/**
 * Applies a WorkspaceEdit to files on disk as VS Code does: the text an edit's positions refer to is
 * the file decoded as UTF-8 without its byte-order mark (editors show and send the text without
 * it), positions count UTF-16 code units, and the mark is written back on save. File renames apply
 * in order, after the edits addressed to the old name. `openTexts` holds the editor's text of open
 * documents (by URI): their edits apply there, and are saved to disk too.
 * Returns the file events a watcher would report.
 */
export function applyWorkspaceEditToFiles(edit: WorkspaceEdit, openTexts: Map<string, string>): FileEvent[] {
  const events: FileEvent[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) {
      applyTextDocumentEdit(change, openTexts);
      events.push({ uri: change.textDocument.uri, type: FileChangeType.Changed });
    } else if (change.kind === 'rename') {
      const from = URI.parse(change.oldUri).fsPath;
      const to = URI.parse(change.newUri).fsPath;
      if (fs.existsSync(to)) throw new Error(`rename would overwrite ${to}`);
      fs.renameSync(from, to);
      events.push({ uri: change.oldUri, type: FileChangeType.Deleted }, { uri: change.newUri, type: FileChangeType.Created });
    } else {
      throw new Error(`unexpected resource operation ${change.kind}`);
    }
  }
  if (edit.changes) throw new Error('expected documentChanges (the client says it supports them)');
  return events;
}

function applyTextDocumentEdit(change: TextDocumentEdit, openTexts: Map<string, string>): void {
  const uri = change.textDocument.uri;
  const filePath = URI.parse(uri).fsPath;
  const raw = fs.readFileSync(filePath, 'utf8');
  const bom = raw.startsWith(BOM) ? BOM : '';
  const text = openTexts.get(uri) ?? raw.slice(bom.length);
  const edited = applyTextEdits(text, change.edits.filter((e): e is TextEdit => 'range' in e));
  if (openTexts.has(uri)) openTexts.set(uri, edited);
  fs.writeFileSync(filePath, bom + edited, 'utf8');
}

/** Applies non-overlapping edits (LSP semantics: all positions refer to the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  // A position past the end of its line is the server's bug, not something to round off.
  const offsetOf = (p: Position) => {
    if (p.line >= starts.length) throw new Error(`line ${p.line} is past the end of the text (${starts.length} lines)`);
    const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - eolLength(text, starts[p.line + 1]) : text.length;
    if (starts[p.line] + p.character > lineEnd) throw new Error(`character ${p.character} is past the end of line ${p.line}`);
    return starts[p.line] + p.character;
  };
  const sorted = edits.map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  let previousStart = Infinity;
  for (const e of sorted) {
    if (e.end > previousStart) throw new Error('overlapping edits');
    result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    previousStart = e.start;
  }
  return result;
}

/** Offsets where lines start; CRLF, LF and CR each end a line, as in LSP. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The length of the line break that ends just before `nextLineStart`. */
function eolLength(text: string, nextLineStart: number): number {
  return text.charCodeAt(nextLineStart - 1) === 10 && text.charCodeAt(nextLineStart - 2) === 13 ? 2 : 1;
}
