import type { Location, Position } from 'vscode-languageserver-types';
import { isRecord } from '../document/formatVersion';
import { findLinkReferences } from '../document/linkReferences';
import type { PatternDocument } from '../document/patternDocument';
import type { FeatureContext } from './featureContext';
import { slugAtPosition, slugDeclaration } from './slugAtPosition';

/**
 * Find references on the pattern's own `slug` or on any link to a pattern: every relationship and
 * inferred-link target in the workspace that names it, open or closed. A pattern is named by its
 * slug and, in some files, by its `id`; both count. The index tells which files link to a name;
 * those files are then parsed to find the exact ranges (the text of the slug, without quotes).
 */
export function provideReferences(ctx: FeatureContext, doc: PatternDocument, position: Position, includeDeclaration: boolean): Location[] {
  const at = slugAtPosition(doc, position);
  if (!at) return [];
  const declarationUri = at.kind === 'declaration' ? doc.uri : ctx.index.resolve(at.slug)?.uri;
  const declarationDoc = declarationUri === doc.uri ? doc : declarationUri ? ctx.host.getDocument(declarationUri) : undefined;
  const names = new Set([at.slug]);
  if (declarationDoc) for (const name of namesOf(declarationDoc)) names.add(name);
  const references = findReferences(ctx, doc, names);
  const declaration = declarationDoc ? slugDeclaration(declarationDoc) : undefined;
  if (includeDeclaration && declarationDoc && declaration) references.unshift({ uri: declarationDoc.uri, range: declaration.textRange });
  return references;
}

/** Every link in the workspace whose target is one of `names`, sorted by file and position. */
export function findReferences(ctx: FeatureContext, current: PatternDocument, names: ReadonlySet<string>): Location[] {
  const uris = new Set<string>([current.uri]);
  for (const name of names) for (const uri of ctx.index.linkingFiles(name)) uris.add(uri);
  const locations: Location[] = [];
  for (const uri of [...uris].sort()) {
    const linking = uri === current.uri ? current : ctx.host.getDocument(uri);
    if (!linking) continue;
    for (const ref of findLinkReferences(linking)) if (names.has(ref.target)) locations.push({ uri, range: ref.textRange });
  }
  return locations;
}

/** The names other files may use for a pattern: its slug and its `id`. */
function namesOf(doc: PatternDocument): string[] {
  const names: string[] = [];
  const slug = slugDeclaration(doc)?.slug;
  if (slug) names.push(slug);
  if (isRecord(doc.data) && typeof doc.data.id === 'string' && doc.data.id) names.push(doc.data.id);
  return names;
}
