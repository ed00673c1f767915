import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import { summarizePattern, unparsedSummary } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { loadPatternSchema, type PatternSchema } from '../../../server/src/core/schema/patternSchema';
import type { SchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import type { DiagnosticRule } from '../../../server/src/core/rules/rule';
import type { SeveritySetting } from '../../../server/src/core/settings/patternSettings';

/** The repository root, from the compiled helper in out/test/unit/helpers/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const RULE_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

/** A validator that finds nothing: rule tests run only the rules under test, never the schema rule. */
export const noViolationsValidator: SchemaValidator = { validate: () => [] };

/** Reads every `.md` file under a fixture folder (relative to test/fixtures/rules) as {relative name: text}. */
export function readFixtureFolder(folder: string): Record<string, string> {
  const root = path.join(RULE_FIXTURES, folder);
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/**
 * An in-memory workspace for rule tests: files given as {name: text} are parsed with
 * parsePatternDocument and indexed with summarizePattern, as the server does for open files
 * (a file whose frontmatter does not parse is indexed under its file name, as on disk).
 */
export class InMemoryWorkspace {
  readonly index = new WorkspaceIndex();
  readonly schema: PatternSchema;
  private readonly documents = new Map<string, PatternDocument>();

  constructor(files: Readonly<Record<string, string>>, schema: PatternSchema = loadPatternSchema()) {
    this.schema = schema;
    for (const [name, text] of Object.entries(files)) this.setFile(name, text);
  }

  uriOf(name: string): string {
    return URI.file(`/workspace/${name}`).toString();
  }

  /** Adds or replaces a file and updates the index, like an edit in the editor. */
  setFile(name: string, text: string): PatternDocument {
    const uri = this.uriOf(name);
    const doc = parsePatternDocument(uri, text);
    this.documents.set(name, doc);
    const summary = doc.data !== undefined
      ? summarizePattern(uri, doc.data)
      : doc.frontmatter ? unparsedSummary(uri, path.posix.basename(name).replace(/\.md$/i, '')) : undefined;
    if (summary) this.index.set(summary);
    else this.index.delete(uri);
    return doc;
  }

  /** Removes a file, like a delete on disk. */
  deleteFile(name: string): void {
    this.documents.delete(name);
    this.index.delete(this.uriOf(name));
  }

  text(name: string): string {
    return this.document(name).text;
  }

  document(name: string): PatternDocument {
    const doc = this.documents.get(name);
    if (!doc) throw new Error(`No file '${name}' in the test workspace (has: ${[...this.documents.keys()].join(', ')})`);
    return doc;
  }

  names(): string[] {
    return [...this.documents.keys()].sort();
  }

  /** Runs the given rules (only those) on one file, through checkDocument. */
  check(name: string, rules: readonly DiagnosticRule[], severity?: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
    return checkDocument(this.document(name), { index: this.index, schema: this.schema, validator: noViolationsValidator, rules, severity });
  }
}

/** A diagnostic reduced to what rule tests compare. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
}

export function findingsOf(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics.map((d) => ({ code: String(d.code), range: d.range, message: d.message }));
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The same text with CRLF line breaks, with a byte-order mark, and with both: positions after line 0 must not change. */
export function encodingVariants(text: string): Array<{ name: string; text: string }> {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  return [
    { name: 'LF', text },
    { name: 'CRLF', text: crlf },
    { name: 'BOM', text: `\uFEFF${text}` },
    { name: 'BOM+CRLF', text: `\uFEFF${crlf}` },
  ];
}
