import type { Range } from 'vscode-languageserver-types';
import { splitFrontmatter } from '../core/document/frontmatter';
import { parsePatternDocument } from '../core/document/patternDocument';
import { checkDocument, type CheckEnvironment } from '../core/rules/checkDocument';
import { loadPatternSchema, type PatternSchema } from '../core/schema/patternSchema';
import { createSchemaValidator, type SchemaValidator } from '../core/schema/schemaValidator';
import type { SeveritySetting } from '../core/settings/patternSettings';
import { describe } from '../core/workspace/fileDiscovery';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { pathToUri } from '../core/workspace/uris';
import { readPatternText } from '../core/workspace/readPatternText';
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

/** Reads, fully parses and checks one file. A file without frontmatter is not parsed: no rule applies to it. */
export function checkFile(file: string, env: CheckEnvironment): FileCheckResult {
  let text: string;
  try {
    text = readPatternText(file);
  } catch (error) {
    return { file, kind: 'unreadable', message: describe(error) };
  }
  if (!splitFrontmatter(text)) return { file, kind: 'checked', diagnostics: [] };
  try {
    const doc = parsePatternDocument(pathToUri(file), text);
    const diagnostics = checkDocument(doc, env).map((d) => ({
      range: d.range,
      severity: d.severity ?? 1,
      code: String(d.code ?? ''),
      message: d.message,
    }));
    return { file, kind: 'checked', diagnostics };
  } catch (error) {
    return { file, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
