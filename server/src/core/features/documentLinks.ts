import type { DocumentLink } from 'vscode-languageserver-types';
import { findLinkReferences } from '../document/linkReferences';
import type { PatternDocument } from '../document/patternDocument';
import type { FeatureContext } from './featureContext';

/** Relationship and inferred-link targets that name a pattern become links to its file (broken ones do not). */
export function provideDocumentLinks(ctx: FeatureContext, doc: PatternDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const ref of findLinkReferences(doc)) {
    const target = ctx.index.resolve(ref.target);
    if (target) links.push({ range: ref.range, target: target.uri, tooltip: target.title ?? target.slug });
  }
  return links;
}
