import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../../server/src/core/document/lineIndex';
import { applyTextEdits } from '../../../server/src/core/features/textEdits';

/**
 * Checks that what a feature returns can be shown by an editor: every position lies inside the
 * text it refers to (line < line count, character ≤ the line's length) and every range starts at
 * or before its end. Failures name the path inside the result, so a fuzz counterexample is readable.
 */

export function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.character === 'number';
}

export function isRange(value: unknown): value is Range {
  const r = value as Range;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Why a position is not inside the text, or undefined when it is. */
function positionProblem(lines: LineIndex, p: Position): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `not a valid position ${JSON.stringify(p)}`;
  if (p.line >= lines.lineCount) return `line ${p.line} is past the last line ${lines.lineCount - 1}`;
  const length = lines.lineText(p.line).length;
  if (p.character > length) return `character ${p.character} is past the end (${length}) of line ${p.line}`;
  return undefined;
}

export function rangeProblem(lines: LineIndex, r: Range): string | undefined {
  const problem = positionProblem(lines, r.start) ?? positionProblem(lines, r.end);
  if (problem) return problem;
  if (comparePositions(r.start, r.end) > 0) return `start ${JSON.stringify(r.start)} is after end ${JSON.stringify(r.end)}`;
  return undefined;
}

export function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Collects problems; the texts of other files (Locations, edits) are looked up by URI. */
export class RangeAudit {
  readonly problems: string[] = [];
  private readonly lineIndexes = new Map<string, LineIndex>();

  /**
   * `lineIndexOf` may hand out the LineIndex a parsed document already has for a text (building one
   * per edited file is a large part of a library-wide rename round trip).
   */
  constructor(
    private readonly currentUri: string,
    private readonly textOf: (uri: string) => string | undefined,
    private readonly lineIndexOf: (uri: string, text: string) => LineIndex = (_uri, text) => new LineIndex(text),
  ) {}

  private linesOf(uri: string): LineIndex | undefined {
    let lines = this.lineIndexes.get(uri);
    if (!lines) {
      const text = this.textOf(uri);
      if (text === undefined) return undefined;
      lines = new LineIndex(text);
      this.lineIndexes.set(uri, lines);
    }
    return lines;
  }

  private range(where: string, uri: string, r: Range): void {
    const lines = this.linesOf(uri);
    if (!lines) {
      this.problems.push(`${where}: a range in ${uri}, which does not exist`);
      return;
    }
    const problem = rangeProblem(lines, r);
    if (problem) this.problems.push(`${where} (${uri}): ${problem}`);
  }

  /**
   * Walks any feature result: Ranges refer to the current document unless an enclosing Location or
   * LocationLink names another URI; `range` + `selectionRange` pairs (symbols, outline items) must nest;
   * folding ranges' lines must exist. WorkspaceEdits are checked by `edit` (they change texts as they go).
   */
  walk(where: string, value: unknown, uri = this.currentUri): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.walk(`${where}[${i}]`, item, uri));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (isRange(value)) {
      this.range(where, uri, value);
      return;
    }
    const record = value as Record<string, unknown>;
    if (isRange(record.range) && isRange(record.selectionRange) && !contains(record.range, record.selectionRange)) {
      this.problems.push(`${where}: selectionRange ${JSON.stringify(record.selectionRange)} is not inside range ${JSON.stringify(record.range)}`);
    }
    if (typeof record.startLine === 'number' && typeof record.endLine === 'number') this.foldingRange(where, uri, record.startLine, record.endLine);
    for (const [key, child] of Object.entries(record)) {
      if (key === 'edit' || key === 'documentChanges' || key === 'changes') continue; // see `edit`
      if ((key === 'targetRange' || key === 'targetSelectionRange') && typeof record.targetUri === 'string') this.walk(`${where}.${key}`, child, record.targetUri);
      else if (key === 'range' && typeof record.uri === 'string' && record.uri !== '') this.walk(`${where}.${key}`, child, record.uri);
      else this.walk(`${where}.${key}`, child, uri);
    }
  }

  private foldingRange(where: string, uri: string, startLine: number, endLine: number): void {
    const lines = this.linesOf(uri);
    if (!lines) return;
    if (!(startLine >= 0 && startLine <= endLine && endLine < lines.lineCount)) {
      this.problems.push(`${where}: folding range ${startLine}–${endLine} outside 0–${lines.lineCount - 1} or reversed`);
    }
  }

  /**
   * Applies a WorkspaceEdit to the texts in order, as an editor would, checking each text edit's range
   * against the text it applies to; a failed application (overlapping edits, a missing file, a rename
   * onto an existing file) is a problem. Returns the texts after the edit.
   */
  edit(where: string, edit: WorkspaceEdit, files: ReadonlyMap<string, string>): Map<string, string> {
    const result = new Map(files);
    const editText = (uri: string, edits: ReadonlyArray<{ range: Range; newText: string }>, at: string) => {
      const text = result.get(uri);
      if (text === undefined) {
        this.problems.push(`${at}: edits ${uri}, which does not exist`);
        return;
      }
      const lines = this.lineIndexOf(uri, text);
      edits.forEach((e, i) => {
        const problem = rangeProblem(lines, e.range);
        if (problem) this.problems.push(`${at}.edits[${i}] (${uri}): ${problem}`);
      });
      const applied = applyEdits(text, edits);
      if (typeof applied === 'string') result.set(uri, applied);
      else this.problems.push(`${at} (${uri}): ${applied.overlap}`);
    };
    (edit.documentChanges ?? []).forEach((change, i) => {
      const at = `${where}.documentChanges[${i}]`;
      if (!('kind' in change)) return editText(change.textDocument.uri, change.edits, at);
      if (change.kind === 'create') {
        if (result.has(change.uri) && !change.options?.overwrite) this.problems.push(`${at}: creates ${change.uri}, which exists`);
        else result.set(change.uri, '');
      } else if (change.kind === 'rename') {
        const text = result.get(change.oldUri);
        if (text === undefined) this.problems.push(`${at}: renames ${change.oldUri}, which does not exist`);
        else if (result.has(change.newUri) && change.newUri !== change.oldUri) this.problems.push(`${at}: renames onto ${change.newUri}, which exists`);
        else {
          result.delete(change.oldUri);
          result.set(change.newUri, text);
        }
      } else {
        result.delete(change.uri);
      }
    });
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) editText(uri, edits, `${where}.changes`);
    return result;
  }
}

/** The core's applyTextEdits (as an editor applies them), with an overlap reported instead of thrown. */
function applyEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string | { overlap: string } {
  try {
    return applyTextEdits(text, edits);
  } catch (error) {
    return { overlap: error instanceof Error ? error.message : String(error) };
  }
}
