import * as fs from 'fs';
import * as path from 'path';
import type { CreateFile, DeleteFile, Position, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import type { FeatureContext, PatternHost } from '../../../server/src/core/features/featureContext';
import { applyTextEdits } from '../../../server/src/core/features/textEdits';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

/** The repository root, from the compiled file in out/test/unit/features/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const NAV_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'features-nav');

/** Marks the cursor in test text; removed before parsing. */
export const CURSOR = '‸';

/** The URI of a workspace file in tests: `file:///workspace/<name>`. */
export function uriOf(name: string): string {
  return `file:///workspace/${name}`;
}

/** The fixture workspace as {file name: text}. */
export function readNavFixtures(): Record<string, string> {
  const dir = path.join(NAV_FIXTURES, 'workspace');
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

/** Text with a cursor marker → the text without it and the marker's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) throw new Error('test text must contain exactly one cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + CURSOR.length);
  return { text, position: parsePatternDocument('x', text).lines.positionAt(at) };
}

/** Inserts the cursor marker before the `occurrence`-th (0-based) match of `needle` plus `shift` characters. */
export function markCursor(text: string, needle: string, shift = 0, occurrence = 0): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  return text.slice(0, at + shift) + CURSOR + text.slice(at + shift);
}

export interface NavWorkspace {
  readonly ctx: FeatureContext;
  /** Current texts by URI (tests may change them with setFile). */
  readonly files: Map<string, string>;
  doc(name: string): PatternDocument;
  setFile(name: string, text: string): void;
  /** Marks a file open in the editor, at a version. */
  open(name: string, version: number): void;
}

/**
 * An in-memory workspace as the server would see it: every file parsed with parsePatternDocument
 * and indexed with summarizePattern; the host serves the texts from a Map. The validator finds
 * nothing (these tests are about navigation and edits, not the schema).
 */
export function createNavWorkspace(initial: Readonly<Record<string, string>>): NavWorkspace {
  const files = new Map<string, string>();
  const versions = new Map<string, number>();
  const index = new WorkspaceIndex();
  const host: PatternHost = {
    getDocument: (uri) => {
      const text = files.get(uri);
      return text === undefined ? undefined : parsePatternDocument(uri, text, versions.get(uri) ?? 0);
    },
    isOpen: (uri) => versions.has(uri),
    exists: (uri) => files.has(uri),
  };
  const ctx: FeatureContext = { index, schema: loadPatternSchema(), validator: { validate: () => [] }, settings: DEFAULT_SETTINGS, host };
  const setFile = (name: string, text: string) => {
    const uri = uriOf(name);
    files.set(uri, text);
    const summary = summarizePattern(uri, parsePatternDocument(uri, text).data);
    if (summary) index.set(summary);
    else index.delete(uri);
  };
  for (const [name, text] of Object.entries(initial)) setFile(name, text);
  return {
    ctx,
    files,
    setFile,
    doc: (name) => {
      const doc = host.getDocument(uriOf(name));
      if (!doc) throw new Error(`no file ${name}`);
      return doc;
    },
    open: (name, version) => void versions.set(uriOf(name), version),
  };
}

/**
 * Applies a WorkspaceEdit to {uri: text} as an editor would (text edits, create, rename, delete,
 * in order) and returns the new texts. Refuses what an editor refuses: creating or renaming onto an
 * existing file, editing a missing one, and edits for a version the file is not at.
 */
export function applyWorkspaceEdit(files: ReadonlyMap<string, string>, edit: WorkspaceEdit, versions: ReadonlyMap<string, number> = new Map()): Map<string, string> {
  const result = new Map(files);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) applyResourceChange(result, change);
    else applyDocumentEdit(result, change, versions);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const text = result.get(uri);
    if (text === undefined) throw new Error(`edit of missing file ${uri}`);
    result.set(uri, applyTextEdits(text, edits));
  }
  return result;
}

function applyDocumentEdit(files: Map<string, string>, change: TextDocumentEdit, versions: ReadonlyMap<string, number>): void {
  const { uri, version } = change.textDocument;
  const text = files.get(uri);
  if (text === undefined) throw new Error(`edit of missing file ${uri}`);
  if (version !== null && version !== versions.get(uri)) throw new Error(`edit of ${uri} at version ${version}, but it is at ${versions.get(uri)}`);
  files.set(uri, applyTextEdits(text, change.edits));
}

function applyResourceChange(files: Map<string, string>, change: CreateFile | RenameFile | DeleteFile): void {
  if (change.kind === 'create') {
    if (files.has(change.uri)) throw new Error(`create of existing file ${change.uri}`);
    files.set(change.uri, '');
  } else if (change.kind === 'rename') {
    const text = files.get(change.oldUri);
    if (text === undefined) throw new Error(`rename of missing file ${change.oldUri}`);
    if (files.has(change.newUri)) throw new Error(`rename onto existing file ${change.newUri}`);
    files.delete(change.oldUri);
    files.set(change.newUri, text);
  } else {
    files.delete(change.uri);
  }
}
