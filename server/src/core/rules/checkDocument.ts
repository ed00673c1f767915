import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { PatternSchema } from '../schema/patternSchema';
import type { SchemaValidator } from '../schema/schemaValidator';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { SeveritySetting } from '../settings/patternSettings';
import { fileSlugOf } from '../workspace/uris';
import type { DiagnosticRule, RuleContext, RuleScope } from './rule';
import { allRules } from './allRules';
import { ruleLinksOf } from './ruleLinks';

export const DIAGNOSTIC_SOURCE = 'commons-patterns';

export interface CheckEnvironment {
  readonly index: WorkspaceIndex;
  readonly schema: PatternSchema;
  readonly validator: SchemaValidator;
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  readonly rules?: readonly DiagnosticRule[];
}

/**
 * A generated or damaged file can hold 100,000 findings of one rule; past this many a rule's findings
 * are summed up in one diagnostic of the same code, so editors and CI logs stay usable.
 */
export const MAX_FINDINGS_PER_RULE = 500;

const SEVERITY_OF: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Runs every rule that applies to the document's format (of one scope, or all). A file without
 * frontmatter is not a pattern and gets nothing; a file whose frontmatter fails to parse gets only
 * the syntax rules. Diagnostics come in text order, and in rule order at one position.
 */
export function checkDocument(doc: PatternDocument, env: CheckEnvironment, scope: RuleScope | 'all' = 'all'): Diagnostic[] {
  const running = rulesFor(doc, env, scope);
  if (running.length === 0) return [];
  const parsed = isParsed(doc);
  const context: RuleContext = {
    doc,
    index: env.index,
    schema: env.schema,
    validator: env.validator,
    fileSlug: fileSlugOf(doc.uri),
    links: parsed ? ruleLinksOf(doc) : [],
  };
  const diagnostics: Diagnostic[] = [];
  for (const rule of running) {
    // rulesFor leaves out the rules set to `off`.
    const setting = env.severity?.[rule.code] as Exclude<SeveritySetting, 'off'> | undefined;
    const findings = rule.check(context);
    for (const finding of findings.slice(0, MAX_FINDINGS_PER_RULE)) {
      diagnostics.push({
        range: finding.range,
        severity: setting ? SEVERITY_OF[setting] : finding.severity ?? rule.defaultSeverity,
        code: rule.code,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
        ...(finding.data !== undefined ? { data: finding.data } : {}),
      });
    }
    if (findings.length > MAX_FINDINGS_PER_RULE) {
      const last = findings[MAX_FINDINGS_PER_RULE - 1];
      diagnostics.push({
        range: last.range,
        severity: setting ? SEVERITY_OF[setting] : last.severity ?? rule.defaultSeverity,
        code: rule.code,
        source: DIAGNOSTIC_SOURCE,
        message: `${findings.length - MAX_FINDINGS_PER_RULE} more '${rule.code}' problems in this file are not shown (at most ${MAX_FINDINGS_PER_RULE} a rule)`,
      });
    }
  }
  return inReportOrder(diagnostics, env.rules ?? allRules);
}

/**
 * The rules (of one scope, or all) that checkDocument runs on a document: none without frontmatter or
 * on parsed data that is not a pattern; only the syntax rules when the frontmatter does not parse; the
 * rules of its format otherwise; never a rule set to `off`.
 */
export function rulesFor(doc: PatternDocument, env: CheckEnvironment, scope: RuleScope | 'all' = 'all'): DiagnosticRule[] {
  if (!doc.frontmatter) return [];
  const parsed = isParsed(doc);
  if (parsed && !doc.isPattern) return [];
  return (env.rules ?? allRules).filter((rule) =>
    (scope === 'all' || rule.scope === scope)
    && env.severity?.[rule.code] !== 'off'
    && (rule.appliesTo === 'any' || (parsed && rule.appliesTo.includes(doc.format))));
}

function isParsed(doc: PatternDocument): boolean {
  return !!doc.frontmatter?.closed && doc.yamlErrors.length === 0;
}

/**
 * Diagnostics of one document in text order, and in rule order at one position (a stable sort: one
 * rule's findings keep their order). Also merges the two scopes' diagnostics of one document.
 */
export function inReportOrder<T extends Pick<Diagnostic, 'range' | 'code'>>(diagnostics: T[], rules: readonly DiagnosticRule[] = allRules): T[] {
  // Most files have one finding or none (checked once for each scope in `check`).
  if (diagnostics.length < 2) return diagnostics;
  const order = new Map<unknown, number>(rules.map((rule, i) => [rule.code, i]));
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}
