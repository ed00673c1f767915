import type { Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { findLinkReferences } from '../document/linkReferences';
import type { PatternDocument } from '../document/patternDocument';
import type { PrepareRenameResult, RenameResult } from '../languageService';
import { fileSlugOf } from '../workspace/uris';
import type { FeatureContext } from './featureContext';
import { SLUG_PATTERN } from './newPattern';
import { slugAtPosition, slugDeclaration } from './slugAtPosition';

const NOT_A_SLUG = 'Only a pattern slug can be renamed: put the cursor on the `slug` value or on a relationship or inferred-link target.';

/** The pattern a rename at the cursor would rename. */
interface RenameTarget {
  readonly oldSlug: string;
  readonly declarationDoc: PatternDocument;
  /** The slug text under the cursor (without quotes). */
  readonly textRange: Range;
}

export function providePrepareRename(ctx: FeatureContext, doc: PatternDocument, position: Position): PrepareRenameResult {
  const target = renameTargetAt(ctx, doc, position);
  if ('error' in target) return { error: target.error };
  return { range: target.textRange, placeholder: target.oldSlug };
}

/**
 * Renames a slug from its declaration or from any reference: the `slug` value, every reference in
 * the workspace (open and closed files) and, when the file is named after the old slug, the file,
 * all in one WorkspaceEdit. Only the slug text changes; quotes, comments and line endings stay.
 */
export function provideRename(ctx: FeatureContext, doc: PatternDocument, position: Position, newName: string): RenameResult {
  const target = renameTargetAt(ctx, doc, position);
  if ('error' in target) return { error: target.error };
  const newSlug = newName.trim();
  if (newSlug === target.oldSlug) return { edit: { documentChanges: [] } };
  const invalid = newSlugProblem(ctx, newSlug, target.declarationDoc.uri);
  if (invalid) return { error: invalid };
  return { edit: slugChangeEdit(ctx, target.declarationDoc, target.oldSlug, newSlug, { renameFile: true, current: doc }) };
}

/** Why a new slug cannot be used for the pattern at `declarationUri`, or undefined when it can. */
export function newSlugProblem(ctx: FeatureContext, newSlug: string, declarationUri: string): string | undefined {
  const pattern = slugPatternOf(ctx);
  if (!pattern.test(newSlug)) {
    return `'${newSlug}' is not a valid slug: a slug must match ${pattern.source} (lowercase letters and digits, words joined by single hyphens)`;
  }
  const owner = ctx.index.bySlugAll(newSlug).find((s) => s.uri !== declarationUri);
  if (owner) return `'${newSlug}' is already the slug of ${Utils.basename(URI.parse(owner.uri))}`;
  return undefined;
}

export interface SlugChangeOptions {
  /** Also rename `old.md` to `new.md` when the file is named after the old slug and `new.md` does not exist. */
  readonly renameFile: boolean;
  /** The document the request came from (its text may be newer than the index). */
  readonly current?: PatternDocument;
}

/**
 * The edit that changes a pattern's slug and every reference to it. Edits are grouped per file,
 * versioned for open files; the file rename comes last, after the edits addressed to the old URI.
 */
export function slugChangeEdit(ctx: FeatureContext, declarationDoc: PatternDocument, oldSlug: string, newSlug: string, options: SlugChangeOptions): WorkspaceEdit {
  const docs = new Map<string, PatternDocument>([[declarationDoc.uri, declarationDoc]]);
  if (options.current) docs.set(options.current.uri, options.current);
  const edits = new Map<string, TextEdit[]>();
  const add = (uri: string, edit: TextEdit) => edits.set(uri, [...(edits.get(uri) ?? []), edit]);
  const declaration = slugDeclaration(declarationDoc);
  if (declaration) add(declarationDoc.uri, { range: declaration.textRange, newText: newSlug });
  // Only references by slug change; a reference by `id` still names the pattern after the rename.
  const uris = new Set([...docs.keys(), ...ctx.index.linkingFiles(oldSlug)]);
  for (const uri of [...uris].sort()) {
    const linking = docs.get(uri) ?? ctx.host.getDocument(uri);
    if (!linking) continue;
    docs.set(uri, linking);
    for (const ref of findLinkReferences(linking)) if (ref.target === oldSlug) add(uri, { range: ref.textRange, newText: newSlug });
  }
  const documentChanges: Array<TextDocumentEdit | RenameFile> = [];
  for (const [uri, fileEdits] of [...edits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const linking = docs.get(uri)!;
    fileEdits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    documentChanges.push({ textDocument: { uri, version: ctx.host.isOpen(uri) ? linking.version : null }, edits: fileEdits });
  }
  const rename = options.renameFile ? fileRenameFor(ctx, declarationDoc.uri, oldSlug, newSlug) : undefined;
  if (rename) documentChanges.push(rename);
  return { documentChanges };
}

/** `old.md` → `new.md` in the same folder, when the file is named after the old slug and the new name is free. */
export function fileRenameFor(ctx: FeatureContext, uri: string, oldSlug: string, newSlug: string): RenameFile | undefined {
  if (fileSlugOf(uri) !== oldSlug) return undefined;
  const parsed = URI.parse(uri);
  const extension = Utils.basename(parsed).slice(oldSlug.length);
  const newUri = Utils.joinPath(Utils.dirname(parsed), newSlug + extension).toString();
  if (newUri === uri || ctx.host.exists(newUri)) return undefined;
  return { kind: 'rename', oldUri: uri, newUri };
}

function renameTargetAt(ctx: FeatureContext, doc: PatternDocument, position: Position): RenameTarget | { error: string } {
  const at = slugAtPosition(doc, position);
  if (!at || at.slug === '') return { error: NOT_A_SLUG };
  if (at.kind === 'declaration') {
    const others = ctx.index.bySlugAll(at.slug).filter((s) => s.uri !== doc.uri);
    if (others.length > 0) return { error: duplicateMessage(at.slug, [doc.uri, ...others.map((s) => s.uri)]) };
    return { oldSlug: at.slug, declarationDoc: doc, textRange: at.textRange };
  }
  const declared = ctx.index.bySlugAll(at.slug);
  if (declared.length === 0) {
    if (ctx.index.resolve(at.slug)) return { error: `'${at.slug}' names a pattern by its id; rename the pattern from its slug` };
    return { error: `No pattern with slug '${at.slug}' in the workspace, so there is nothing to rename` };
  }
  if (declared.length > 1) return { error: duplicateMessage(at.slug, declared.map((s) => s.uri)) };
  const declarationDoc = declared[0].uri === doc.uri ? doc : ctx.host.getDocument(declared[0].uri);
  if (!declarationDoc || !slugDeclaration(declarationDoc)) return { error: `Cannot read the slug of ${Utils.basename(URI.parse(declared[0].uri))}` };
  return { oldSlug: at.slug, declarationDoc, textRange: at.textRange };
}

function duplicateMessage(slug: string, uris: string[]): string {
  const names = uris.map((uri) => Utils.basename(URI.parse(uri))).join(', ');
  return `'${slug}' is the slug of more than one pattern (${names}); resolve the duplicate slug before renaming`;
}

/** The schema's slug pattern (the single source of truth), or the v7.1 one when the schema has none. */
function slugPatternOf(ctx: FeatureContext): RegExp {
  const pattern = ctx.schema.nodeAt(['slug'])?.pattern;
  if (typeof pattern === 'string') {
    try {
      return new RegExp(pattern);
    } catch {
      // A custom schema with a broken pattern: fall back to the built-in one.
    }
  }
  return SLUG_PATTERN;
}
