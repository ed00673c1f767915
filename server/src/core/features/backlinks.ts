import type { Range } from 'vscode-languageserver-types';
import type { BacklinkItem } from '../languageService';
import type { PatternDocument } from '../document/patternDocument';
import { findLinkReferences, type LinkReference } from '../document/linkReferences';
import { isRecord } from '../document/formatVersion';
import { fileSlugOf } from '../workspace/uris';
import type { Backlink } from '../workspace/workspaceIndex';
import type { FeatureContext } from './featureContext';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The patterns that link to this one ("Linked From"): every relationship and inferred link in the
 * workspace whose target is this pattern's slug (or its `id`, which some files keep where a slug is
 * expected). The index knows who links here; each linking file is then parsed in full (open
 * version first, through the host) for the exact range of each link. Sorted by relationship kind
 * in the schema's order, then inferred links, then by linking slug and position.
 */
export function provideBacklinks(ctx: FeatureContext, doc: PatternDocument): BacklinkItem[] {
  const data = isRecord(doc.data) ? doc.data : undefined;
  if (!data || !doc.isPattern) return [];
  const slug = String(data.slug).trim() || ctx.index.get(doc.uri)?.slug || fileSlugOf(doc.uri);
  const targets = new Set([slug]);
  if (typeof data.id === 'string' && data.id.trim()) targets.add(data.id.trim());

  const byFile = new Map<string, Backlink[]>();
  for (const target of targets) {
    for (const backlink of ctx.index.backlinks(target)) {
      const list = byFile.get(backlink.fromUri);
      if (list) list.push(backlink);
      else byFile.set(backlink.fromUri, [backlink]);
    }
  }

  const items: BacklinkItem[] = [];
  for (const [fromUri, backlinks] of byFile) {
    const from = ctx.index.get(fromUri);
    const refs = fromUri === doc.uri ? findLinkReferences(doc) : referencesOf(ctx, fromUri);
    const used = new Set<LinkReference>();
    for (const { link } of backlinks) {
      // The n-th link of a kind to a target in the summary is the n-th such reference in the file.
      const ref = refs?.find((r) => !used.has(r) && r.source === link.source && r.kind === link.kind && r.target === link.target);
      if (ref) used.add(ref);
      items.push({
        uri: fromUri,
        slug: from?.slug ?? fileSlugOf(fromUri),
        title: from?.title,
        kind: link.kind,
        source: link.source,
        // An unreadable file (deleted since it was indexed) still opens at its start.
        range: ref?.textRange ?? FILE_START,
      });
    }
  }
  const kindOrder = (item: BacklinkItem) => {
    if (item.source === 'inferred') return ctx.schema.relationshipKinds.length + 1;
    const i = ctx.schema.relationshipKinds.indexOf(item.kind);
    return i < 0 ? ctx.schema.relationshipKinds.length : i;
  };
  return items.sort((a, b) =>
    kindOrder(a) - kindOrder(b) || a.kind.localeCompare(b.kind) || a.slug.localeCompare(b.slug) || a.uri.localeCompare(b.uri)
    || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function referencesOf(ctx: FeatureContext, uri: string): LinkReference[] | undefined {
  const linking = ctx.host.getDocument(uri);
  return linking ? findLinkReferences(linking) : undefined;
}
