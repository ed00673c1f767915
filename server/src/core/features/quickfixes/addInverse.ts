import { findLinkReferences } from '../../document/linkReferences';
import type { PatternDocument } from '../../document/patternDocument';
import { slugDeclaration } from '../slugAtPosition';
import { documentEdit } from '../textEdits';
import { inverseEntryEdit } from './inverseEntry';
import { dataOf, linkAtDiagnostic, quickFixAction, type QuickFix } from './quickFix';
import type { FeatureContext } from '../featureContext';
import type { Diagnostic } from 'vscode-languageserver-types';

/** The relationship kinds that come in pairs (ADR-0005: A generalizes_from B ⇔ B specializes_to A). */
const INVERSE_KIND: ReadonlyMap<string, string> = new Map([
  ['generalizes_from', 'specializes_to'],
  ['specializes_to', 'generalizes_from'],
]);

/** What the fix adds where: A's slug into B's inverse list, with the weight of A's link. */
interface MissingInverse {
  readonly targetUri: string;
  readonly inverseKind: string;
  readonly slug: string;
  readonly weight: number | undefined;
}

/**
 * `missing-inverse` → "Add '<A>' to <B>'s <inverseKind>": an edit in the other file, B, that lists A
 * in B's inverse relationship with the weight A gives the link, in the style of B's list. Uses the
 * diagnostic's data when it is there, else works it out from the link under the diagnostic.
 */
export const addInverseFix: QuickFix = (ctx, doc, diagnostic) => {
  const missing = missingInverseOf(ctx, doc, diagnostic);
  if (!missing) return [];
  const other = ctx.host.getDocument(missing.targetUri);
  if (!other || other.uri === doc.uri) return [];
  const listed = findLinkReferences(other).some((ref) => ref.source === 'relationship' && ref.kind === missing.inverseKind && ref.target === missing.slug);
  if (listed) return [];
  const edit = inverseEntryEdit(other, missing.inverseKind, missing.slug, missing.weight);
  if (!edit) return [];
  const otherName = slugDeclaration(other)?.slug ?? ctx.index.get(other.uri)?.slug ?? other.uri;
  return [quickFixAction(`Add '${missing.slug}' to ${otherName}'s ${missing.inverseKind}`, diagnostic, { documentChanges: [documentEdit(ctx.host, other, [edit])] }, true)];
};

function missingInverseOf(ctx: FeatureContext, doc: PatternDocument, diagnostic: Diagnostic): MissingInverse | undefined {
  const link = linkAtDiagnostic(doc, diagnostic);
  const data = dataOf(diagnostic);
  const { targetUri, inverseKind, slug } = data;
  if (typeof targetUri === 'string' && typeof inverseKind === 'string' && typeof slug === 'string' && [...INVERSE_KIND.values()].includes(inverseKind)) {
    return { targetUri, inverseKind, slug, weight: link?.weight };
  }
  if (!link || link.source !== 'relationship') return undefined;
  const kind = INVERSE_KIND.get(link.kind);
  const target = ctx.index.resolve(link.target);
  const ownSlug = slugDeclaration(doc)?.slug;
  if (!kind || !target || !ownSlug) return undefined;
  return { targetUri: target.uri, inverseKind: kind, slug: ownSlug, weight: link.weight };
}
