import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver-types';
import { findLinkReferences, type LinkReference } from '../../document/linkReferences';
import type { PatternDocument } from '../../document/patternDocument';
import type { FeatureContext } from '../featureContext';

/** One quick fix: the code actions it offers for one diagnostic (none when it does not apply any more). */
export type QuickFix = (ctx: FeatureContext, doc: PatternDocument, diagnostic: Diagnostic) => CodeAction[];

export function quickFixAction(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(isPreferred ? { isPreferred } : {}) };
}

/** The link whose target the diagnostic points at (rules put link diagnostics on the target scalar). */
export function linkAtDiagnostic(doc: PatternDocument, diagnostic: Diagnostic): LinkReference | undefined {
  const { start } = diagnostic.range;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return findLinkReferences(doc).find((ref) => before(ref.range.start, start) && before(start, ref.range.end));
}

/** A diagnostic's `data` as a record, for fixes that can use what the rule computed. */
export function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
  const data = diagnostic.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
