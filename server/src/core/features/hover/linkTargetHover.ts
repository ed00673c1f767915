import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { isRecord } from '../../document/formatVersion';
import type { LinkReference } from '../../document/linkReferences';
import type { PatternDocument } from '../../document/patternDocument';
import type { FeatureContext } from '../featureContext';
import { escapeMarkdown, patternPreview } from '../patternPreview';
import { closestSlugs } from '../quickfixes/closestSlugs';
import { slugAtPosition } from '../slugAtPosition';

/**
 * Hover on a relationship or inferred-link target: a preview of the linked pattern and this
 * link's kind and weight; for a target that names no pattern, says so (with the closest slug,
 * the same suggestion the quick fix makes). The range is the target scalar.
 */
export function linkTargetHover(ctx: FeatureContext, doc: PatternDocument, position: Position): Hover | undefined {
  const at = slugAtPosition(doc, position);
  const reference = at?.kind === 'reference' ? at.reference : undefined;
  if (!reference || reference.target === '') return undefined;
  const target = ctx.index.resolve(reference.target);
  const value = target
    ? `${patternPreview(ctx, target)}\n\n---\n\n${linkLine(reference)}`
    : brokenTargetText(ctx, doc, reference.target);
  return { contents: { kind: MarkupKind.Markdown, value }, range: reference.range };
}

/** "Link: enables, weight 0.9"; an inferred link's number is its confidence. */
function linkLine(reference: LinkReference): string {
  const kind = escapeMarkdown(reference.kind || 'untyped');
  if (reference.source === 'inferred') {
    return reference.weight === undefined ? `Inferred link: ${kind}` : `Inferred link: ${kind}, confidence ${reference.weight}`;
  }
  return reference.weight === undefined ? `Link: ${kind}` : `Link: ${kind}, weight ${reference.weight}`;
}

function brokenTargetText(ctx: FeatureContext, doc: PatternDocument, target: string): string {
  const message = `No pattern with slug '${escapeMarkdown(target)}' in the workspace`;
  const ownSlug = isRecord(doc.data) && typeof doc.data.slug === 'string' ? doc.data.slug : ctx.index.get(doc.uri)?.slug;
  const [closest] = closestSlugs(ctx.index, target, 1, ownSlug);
  return closest ? `${message}\n\nDid you mean \`${closest.slug}\`?` : message;
}
