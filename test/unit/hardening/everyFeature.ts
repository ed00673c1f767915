import { performance } from 'perf_hooks';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { PatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideBacklinks } from '../../../server/src/core/features/backlinks';
import { provideCodeActions } from '../../../server/src/core/features/codeActions';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { provideContextPreview } from '../../../server/src/core/features/contextPreview';
import { provideDefinition } from '../../../server/src/core/features/definition';
import { provideDocumentLinks } from '../../../server/src/core/features/documentLinks';
import { provideDocumentSymbols } from '../../../server/src/core/features/documentSymbols';
import { provideFoldingRanges } from '../../../server/src/core/features/foldingRanges';
import { provideHover } from '../../../server/src/core/features/hover';
import { provideReferences } from '../../../server/src/core/features/references';
import { providePrepareRename, provideRename } from '../../../server/src/core/features/rename';
import { provideSectionOutline } from '../../../server/src/core/features/sectionOutline';
import { provideWorkspaceSymbols } from '../../../server/src/core/features/workspaceSymbols';
import { allRules } from '../../../server/src/core/rules/allRules';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import type { HardeningWorkspace } from './hardeningWorkspace';
import { RangeAudit } from './rangeChecks';

/**
 * A bound that only catches hangs (an endless loop, exponential backtracking): all features on one
 * document, a few positions each. Not a speed assertion; the benchmark measures speed.
 */
export const HANG_BOUND_MS = 2000;

/** The slug rename is asked to write: valid and not taken in the fixture workspace. */
export const FUZZ_NEW_SLUG = 'fuzz-renamed-pattern';

export interface FeatureRun {
  readonly problems: string[];
  readonly elapsedMs: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Runs every core feature on one document of the workspace (already `put`), at the given offsets for
 * the position-based ones, and audits what they return. Exceptions propagate: a feature must not throw.
 */
export function runEveryFeature(ws: HardeningWorkspace, doc: PatternDocument, offsets: readonly number[]): FeatureRun {
  const { ctx } = ws;
  const audit = new RangeAudit(doc.uri, (uri) => ws.files.get(uri));
  const started = performance.now();
  const diagnostics = checkDocument(doc, { index: ctx.index, schema: ctx.schema, validator: ctx.validator, rules: allRules });
  audit.walk('diagnostics', diagnostics);
  for (const d of diagnostics) if (!d.message) audit.problems.push(`diagnostic ${d.code} has no message`);
  audit.walk('documentSymbols', provideDocumentSymbols(ctx, doc));
  audit.walk('foldingRanges', provideFoldingRanges(ctx, doc));
  audit.walk('documentLinks', provideDocumentLinks(ctx, doc));
  audit.walk('sectionOutline', provideSectionOutline(ctx, doc));
  audit.walk('contextPreview', provideContextPreview(ctx, doc));
  audit.walk('backlinks', provideBacklinks(ctx, doc));
  const whole = doc.lines.rangeOf(0, doc.text.length);
  const actions = provideCodeActions(ctx, doc, whole, diagnostics);
  actions.forEach((action, i) => {
    audit.walk(`codeActions[${i}]`, action);
    if (action.edit) audit.edit(`codeActions[${i}].edit`, action.edit, ws.files);
  });
  for (const offset of offsets) {
    const position: Position = doc.lines.positionAt(offset);
    const at = `@${position.line}:${position.character}`;
    audit.walk(`completion${at}`, provideCompletion(ctx, doc, position));
    audit.walk(`hover${at}`, provideHover(ctx, doc, position));
    audit.walk(`definition${at}`, provideDefinition(ctx, doc, position));
    audit.walk(`references${at}`, provideReferences(ctx, doc, position, true));
    audit.walk(`prepareRename${at}`, providePrepareRename(ctx, doc, position));
    const rename = provideRename(ctx, doc, position, FUZZ_NEW_SLUG);
    if (rename.edit) audit.edit(`rename${at}`, rename.edit, ws.files);
    else if (!rename.error) audit.problems.push(`rename${at}: neither an edit nor an error`);
  }
  return { problems: audit.problems, elapsedMs: performance.now() - started, diagnostics };
}

/** Also the one feature without a document: workspace symbols for a query. */
export function auditWorkspaceSymbols(ws: HardeningWorkspace, query: string): string[] {
  const audit = new RangeAudit('', (uri) => ws.files.get(uri));
  audit.walk('workspaceSymbols', provideWorkspaceSymbols(ws.ctx, query));
  return audit.problems;
}
