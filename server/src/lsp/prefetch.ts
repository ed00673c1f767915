import type { CancellationToken, Position } from 'vscode-languageserver/node';
import type { PatternDocument } from '../core/document/patternDocument';
import type { PatternHost } from '../core/features/featureContext';
import { slugAtPosition } from '../core/features/slugAtPosition';
import { provideWorkspaceSymbols, TITLE_RANGE_BUDGET } from '../core/features/workspaceSymbols';
import { forEachInSlices } from './cancellation';
import type { PatternSession } from './session';

/**
 * The core's features are synchronous: references and rename parse every file that links to a
 * pattern in one go (seconds for a much-linked pattern in a large library), and the server could
 * not notice a cancellation meanwhile. So the handler first parses those files here, in time
 * slices with a checkpoint between them, into the session's parsed-file cache; the core then finds
 * them parsed and answers at once. A cancellation arriving during the slow part throws
 * RequestCancelled.
 */
export async function prefetchFilesNamingSlugAt(session: PatternSession, doc: PatternDocument, position: Position, token: CancellationToken): Promise<void> {
  await prefetchFiles(session, filesNamingSlugAt(session, doc, position), token);
}

/**
 * Parses files that are not open into the cache (at most as many as it holds), cancellably. The cache
 * reads files the fast way and parses their YAML tree on first use; the features that follow walk the
 * tree, so it is parsed here, in the slices.
 */
export async function prefetchFiles(session: PatternSession, uris: Iterable<string>, token: CancellationToken): Promise<void> {
  const closed = [...new Set(uris)].filter((uri) => !session.store.isOpen(uri)).slice(0, session.disk.capacity);
  await forEachInSlices(closed, token, (uri) => void session.disk.get(uri)?.yaml);
}

/** The declaration and every file linking to the pattern named at a position (by slug or id). */
function filesNamingSlugAt(session: PatternSession, doc: PatternDocument, position: Position): string[] {
  const at = slugAtPosition(doc, position);
  if (!at) return [];
  const index = session.index;
  const declared = at.kind === 'declaration' ? index.get(doc.uri) : index.resolve(at.slug);
  const names = new Set([at.slug, declared?.slug, declared?.id].filter((name): name is string => !!name));
  const uris: string[] = declared ? [declared.uri] : [];
  for (const name of names) uris.push(...index.linkingFiles(name));
  return uris;
}

/** A host with no files: a feature run on it reads nothing (and answers without file details). */
const NO_FILES: PatternHost = Object.freeze({ getDocument: () => undefined, isOpen: () => false, exists: () => false });

/** The files workspace symbols parse for a query (its best matches, for their title ranges), found without parsing any. */
export function workspaceSymbolFiles(session: PatternSession, query: string): string[] {
  const ranked = provideWorkspaceSymbols(session.featureContext(NO_FILES), query);
  return ranked.slice(0, TITLE_RANGE_BUDGET).map((symbol) => symbol.location.uri);
}
