import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { checkDocument, inReportOrder, rulesFor, type CheckEnvironment } from '../core/rules/checkDocument';
import { hasWorkspaceFindings } from '../core/rules/summaryStandIn';
import { loadPatternSchema, type PatternSchema } from '../core/schema/patternSchema';
import { createSchemaValidator, type SchemaValidator } from '../core/schema/schemaValidator';
import type { SeveritySetting } from '../core/settings/patternSettings';
import { describe } from '../core/workspace/fileDiscovery';
import { parsePatternDocumentFast, withoutBody } from '../core/workspace/fastPatternDocument';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { pathToUri } from '../core/workspace/uris';
import { readPatternText, readPatternTextWithHead } from '../core/workspace/readPatternText';
import { summarizeDocument } from '../core/workspace/summarizeDocument';
import type { FileSummaryResult } from '../core/workspace/workspaceLoader';
import type { RetainedDocuments } from './retainedDocuments';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';

/** A diagnostic as the CLI reports it: plain data that crosses a worker boundary. */
export interface CliDiagnostic {
  readonly range: Range;
  /** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint. */
  readonly severity: number;
  readonly code: string;
  readonly message: string;
}

export type FileCheckResult =
  | { readonly file: string; readonly kind: 'checked'; readonly diagnostics: readonly CliDiagnostic[] }
  /** The file could not be read (permission denied, …). */
  | { readonly file: string; readonly kind: 'unreadable'; readonly message: string }
  /** A rule failed on the file: a bug of ours, reported rather than crashing the whole run. */
  | { readonly file: string; readonly kind: 'failed'; readonly message: string };

export interface SchemaTools {
  readonly schema: PatternSchema;
  readonly validator: SchemaValidator;
}

/** The bundled schema and its compiled validator: loaded once per thread, before the index is ready. */
export function loadSchemaTools(): SchemaTools {
  const schema = loadPatternSchema();
  return { schema, validator: createSchemaValidator(schema) };
}

/** The environment the rules run in: the workspace index, the schema and its validator, the severity overrides. */
export function createCheckEnvironment(index: WorkspaceIndex, tools: SchemaTools, severity: Readonly<Record<string, SeveritySetting>>): CheckEnvironment {
  return { index, schema: tools.schema, validator: tools.validator, severity };
}

/** Rebuilds an index from summaries, as a worker thread receives them. */
export function indexOfSummaries(summaries: Iterable<PatternSummary>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const summary of summaries) index.set(summary);
  return index;
}

/** The first pass over a file to check: its summary for the index and the document rules' diagnostics. */
export interface DocumentPassResult {
  readonly summary: FileSummaryResult;
  readonly check: FileCheckResult;
  /** True when workspace rules apply to the file (rulesFor): they run in the second pass. */
  readonly workspaceRules: boolean;
}

/**
 * Reads a file once, summarizes it for the index and checks it with the document-scope rules. Its
 * frontmatter is read by the fast parser, and package yaml parses only the lines findings point
 * into (workspace/fastPatternDocument.ts). A file without frontmatter is not parsed: no rule applies.
 */
export function checkFileDocument(file: string, env: CheckEnvironment, retained?: RetainedDocuments): DocumentPassResult {
  let read: ReturnType<typeof readPatternTextWithHead>;
  try {
    read = readPatternTextWithHead(file);
  } catch (error) {
    const message = describe(error);
    return { summary: { kind: 'unreadable', message }, check: { file, kind: 'unreadable', message }, workspaceRules: false };
  }
  try {
    const doc = parsePatternDocumentFast(pathToUri(file), read.text, 0, read);
    if (!doc.frontmatter) return { summary: { kind: 'not-pattern' }, check: { file, kind: 'checked', diagnostics: [] }, workspaceRules: false };
    const summary = summarizeDocument(doc);
    const workspaceRules = rulesFor(doc, env, 'workspace').length > 0;
    // The workspace rules look at the frontmatter only: the body is not kept. The budget still counts
    // the whole text, which bounds the kept data and node spans too.
    if (workspaceRules) retained?.keep(file, withoutBody(doc), read.text.length);
    return {
      summary: summary ? { kind: 'indexed', summary } : { kind: 'not-pattern' },
      check: { file, kind: 'checked', diagnostics: checkDocument(doc, env, 'document').map(toCliDiagnostic) },
      workspaceRules,
    };
  } catch (error) {
    return { summary: { kind: 'not-pattern' }, check: failed(file, error), workspaceRules: false };
  }
}

/**
 * The workspace-scope rules on a file, once the index holds every file: on the document kept from the
 * first pass, or else on the file read again — only when the index says it has such findings
 * (summaryStandIn.ts): most files have none.
 */
export function checkFileWorkspace(file: string, env: CheckEnvironment, retained?: RetainedDocuments): FileCheckResult {
  const kept = retained?.take(file);
  // With the document at hand, checking it costs what asking its stand-in would.
  const summary = kept ? undefined : env.index.get(pathToUri(file));
  if (summary && !hasWorkspaceFindings(summary, env)) return { file, kind: 'checked', diagnostics: [] };
  let text: string;
  try {
    text = kept?.text ?? readPatternText(file);
  } catch (error) {
    return { file, kind: 'unreadable', message: describe(error) };
  }
  try {
    const doc = kept ?? parsePatternDocumentFast(pathToUri(file), text);
    return { file, kind: 'checked', diagnostics: checkDocument(doc, env, 'workspace').map(toCliDiagnostic) };
  } catch (error) {
    return failed(file, error);
  }
}

/** One file's result of both passes: the diagnostics in report order; a failure or a read problem wins. */
export function mergeCheckResults(documentPass: FileCheckResult, workspacePass: FileCheckResult | undefined): FileCheckResult {
  if (!workspacePass || documentPass.kind !== 'checked') return documentPass;
  if (workspacePass.kind !== 'checked') return workspacePass;
  if (workspacePass.diagnostics.length === 0) return documentPass;
  return { file: documentPass.file, kind: 'checked', diagnostics: inReportOrder([...documentPass.diagnostics, ...workspacePass.diagnostics]) };
}

function toCliDiagnostic(d: Diagnostic): CliDiagnostic {
  return { range: d.range, severity: d.severity ?? 1, code: String(d.code ?? ''), message: d.message };
}

function failed(file: string, error: unknown): FileCheckResult {
  return { file, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
