import type { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { FormatVersion } from '../document/formatVersion';
import type { PatternSchema } from '../schema/patternSchema';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { SchemaValidator } from '../schema/schemaValidator';
import type { RuleLink } from './ruleLinks';

/** The codes of the DESIGN table; the same in the editor and the CLI. */
export type RuleCode =
  | 'yaml-syntax'
  | 'frontmatter-unclosed'
  | 'schema'
  | 'score-out-of-range'
  | 'broken-relationship'
  | 'broken-inferred-link'
  | 'self-relationship'
  | 'duplicate-relationship'
  | 'overall-score-mismatch'
  | 'slug-filename-mismatch'
  | 'duplicate-slug'
  | 'duplicate-id'
  | 'missing-section'
  | 'legacy-schema'
  | 'missing-inverse';

/** What a rule sees: one parsed document and the workspace around it. */
export interface RuleContext {
  readonly doc: PatternDocument;
  readonly index: WorkspaceIndex;
  readonly schema: PatternSchema;
  readonly validator: SchemaValidator;
  /** The file name without `.md`. */
  readonly fileSlug: string;
  /** The document's links, read once for all rules. */
  readonly links: readonly RuleLink[];
}

/** One finding of a rule. `severity` overrides the rule's default (e.g. unknown keys are warnings). */
export interface RuleFinding {
  readonly range: Range;
  readonly message: string;
  readonly severity?: DiagnosticSeverity;
  /** Data a quick fix needs (e.g. the mean to write); carried in `Diagnostic.data`. */
  readonly data?: unknown;
}

/**
 * `document`: the findings follow from the file alone. `workspace`: they depend on other files
 * through the index, and the rule decides from the document's uri, slug, id, format and links alone
 * (not their ranges) — so running it on a stand-in built from the index summary (summaryStandIn.ts)
 * tells whether the file has such findings without reading it.
 */
export type RuleScope = 'document' | 'workspace';

export interface DiagnosticRule {
  readonly code: RuleCode;
  readonly scope: RuleScope;
  /** One line for SARIF's rule metadata and help texts. */
  readonly description: string;
  readonly defaultSeverity: DiagnosticSeverity;
  /** The format versions the rule applies to; `any` also runs on files that are not patterns yet (syntax). */
  readonly appliesTo: ReadonlyArray<FormatVersion> | 'any';
  check(context: RuleContext): RuleFinding[];
}
