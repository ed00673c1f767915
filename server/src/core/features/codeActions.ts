import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { PatternDocument } from '../document/patternDocument';
import type { FeatureContext } from './featureContext';
import { addInverseFix } from './quickfixes/addInverse';
import { changeSlugToFileNameFix } from './quickfixes/changeSlugToFileName';
import { changeTargetFix } from './quickfixes/changeTarget';
import { createPatternFix } from './quickfixes/createPattern';
import type { QuickFix } from './quickfixes/quickFix';
import { renameFileToSlugFix } from './quickfixes/renameFileToSlug';
import { setOverallScoreFix } from './quickfixes/setOverallScore';

/** The diagnostics' `source`; diagnostics of other tools with the same code are not ours to fix. */
const SOURCE = 'commons-patterns';

/** The quick fixes of each rule code, in the order the editor lists them. */
const FIXES_BY_CODE: Readonly<Record<string, readonly QuickFix[]>> = Object.freeze({
  'broken-relationship': [changeTargetFix, createPatternFix],
  'broken-inferred-link': [changeTargetFix, createPatternFix],
  'overall-score-mismatch': [setOverallScoreFix],
  'slug-filename-mismatch': [changeSlugToFileNameFix, renameFileToSlugFix],
  'missing-inverse': [addInverseFix],
});

/**
 * Quick fixes for the diagnostics the editor passes in (those under the cursor or selection),
 * matched by code. Each fix re-reads the document, so a stale diagnostic gets no (wrong) fix.
 */
export function provideCodeActions(ctx: FeatureContext, doc: PatternDocument, _range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
    const fixes = typeof diagnostic.code === 'string' ? FIXES_BY_CODE[diagnostic.code] : undefined;
    if (!fixes) continue;
    for (const fix of fixes) actions.push(...fix(ctx, doc, diagnostic));
  }
  return actions;
}
