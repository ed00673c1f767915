import { slugDeclaration } from '../slugAtPosition';
import { closestSlugs } from './closestSlugs';
import { documentEdit } from '../textEdits';
import { linkAtDiagnostic, quickFixAction, type QuickFix } from './quickFix';

/** How many "Change to" suggestions a broken target gets. */
const SUGGESTIONS = 3;

/**
 * Broken target → "Change to '<slug>'" for the closest existing slugs (edit distance and title
 * words). Only the target's text changes, its quotes stay. A one- or two-letter typo is preferred,
 * so "auto fix" applies it.
 */
export const changeTargetFix: QuickFix = (ctx, doc, diagnostic) => {
  const link = linkAtDiagnostic(doc, diagnostic);
  if (!link || ctx.index.resolve(link.target)) return [];
  return closestSlugs(ctx.index, link.target, SUGGESTIONS, slugDeclaration(doc)?.slug).map((s, i) =>
    quickFixAction(`Change to '${s.slug}'`, diagnostic, { documentChanges: [documentEdit(ctx.host, doc, [{ range: link.textRange, newText: s.slug }])] }, i === 0 && s.distance <= 2),
  );
};
