import type { PatternSummary } from './patternSummary';
import { ReverseIndex, type Backlink } from './reverseIndex';
import { SlugCatalog, type NameCandidates, type NameWordTier, type NamedPattern } from './slugCatalog';

export type { Backlink } from './reverseIndex';

/** What changed in the index by one update: slugs whose resolution or backlinks may differ now. */
export interface IndexChange {
  readonly slugs: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

/**
 * The workspace index: slug -> patterns, id -> patterns, backlinks (who links to each target),
 * domains with use counts. Updated one file at a time; every map is kept incrementally (the reverse
 * maps from their first use on, see ReverseIndex). A slug's or id's files are in index order.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, PatternSummary>();
  private readonly bySlug = new Map<string, string[]>();
  private readonly byId = new Map<string, string[]>();
  private reverseIndex: ReverseIndex | undefined;
  private readonly catalog = new SlugCatalog();
  private readonly duplicatedSlugs = new Set<string>();

  get size(): number {
    return this.byUri.size;
  }

  /** Adds or replaces the summary of one file. */
  set(summary: PatternSummary): IndexChange {
    const before = this.byUri.get(summary.uri);
    if (before) this.unlink(before);
    this.byUri.set(summary.uri, summary);
    this.link(summary);
    this.catalog.setSummary(summary);
    if (before?.slug !== summary.slug) {
      if (before) this.afterSlugLeft(before.slug);
      this.afterSlugJoined(summary.slug);
    }
    return changeOf(before, summary);
  }

  /** Removes one file; returns what changed (nothing when it was not indexed). */
  delete(uri: string): IndexChange {
    const before = this.byUri.get(uri);
    if (!before) return { slugs: new Set(), ids: new Set() };
    this.unlink(before);
    this.byUri.delete(uri);
    this.catalog.deleteSummary(uri);
    this.afterSlugLeft(before.slug);
    return changeOf(before, undefined);
  }

  get(uri: string): PatternSummary | undefined {
    return this.byUri.get(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  all(): IterableIterator<PatternSummary> {
    return this.byUri.values();
  }

  /** The patterns declaring a slug (more than one is a `duplicate-slug`). */
  bySlugAll(slug: string): PatternSummary[] {
    return (this.bySlug.get(slug) ?? []).map((uri) => this.byUri.get(uri)!);
  }

  bySlugFirst(slug: string): PatternSummary | undefined {
    const uris = this.bySlug.get(slug);
    return uris && this.byUri.get(uris[0]);
  }

  byIdAll(id: string): PatternSummary[] {
    return (this.byId.get(id) ?? []).map((uri) => this.byUri.get(uri)!);
  }

  /** Resolves a link target: a slug, or a pattern `id` kept where a slug is expected. */
  resolve(target: string): PatternSummary | undefined {
    return this.bySlugFirst(target) ?? (target.startsWith('pat_') ? this.byIdAll(target)[0] : undefined);
  }

  slugs(): IterableIterator<string> {
    return this.bySlug.keys();
  }

  /** The number of distinct slugs. */
  get slugCount(): number {
    return this.bySlug.size;
  }

  /** Changes only when a slug appears in or disappears from the workspace (not when a file keeps its slug). */
  get slugGeneration(): number {
    return this.catalog.slugGeneration;
  }

  /** The distinct slugs in code-unit order, for prefix look-ups by binary search (sorted once, then kept in order). */
  sortedSlugs(): readonly string[] {
    return this.catalog.sortedSlugs(() => this.bySlug.keys());
  }

  /** True when some slug has upper-case letters. */
  get hasMixedCaseSlugs(): boolean {
    return this.catalog.hasMixedCaseSlugs;
  }

  /** Every pattern with its lower-cased slug and title, in the order of `all()`. */
  namedPatterns(): IterableIterator<NamedPattern> {
    return this.catalog.all();
  }

  /** Every (file, tier) whose lowered slug, a title word or a slug segment starts with `query` (see `SlugCatalog`). */
  forEachNameWordStartingWith(query: string, visit: (named: NamedPattern, tier: NameWordTier) => void): void {
    this.catalog.forEachNameWordStartingWith(query, visit);
  }

  /** The files whose lowered slug or title may contain `query`: those holding its rarest gram (see `SlugCatalog`). */
  namesPossiblyContaining(query: string): NameCandidates {
    return this.catalog.namesPossiblyContaining(query);
  }

  /** Every file by slug, files of one slug in index order (so the first of a slug is `firstNamed`). */
  namesInSlugOrder(): readonly NamedPattern[] {
    return this.catalog.namesInSlugOrder();
  }

  /** True when more than one file declares the slug. */
  isDuplicatedSlug(slug: string): boolean {
    return this.duplicatedSlugs.size > 0 && this.duplicatedSlugs.has(slug);
  }

  /** The pattern declaring a slug that comes first in the order of `all()`. */
  firstNamed(slug: string): NamedPattern | undefined {
    let first: NamedPattern | undefined;
    for (const uri of this.bySlug.get(slug) ?? []) {
      const named = this.catalog.get(uri);
      if (named && (!first || named.order < first.order)) first = named;
    }
    return first;
  }

  /** An answer that depends only on the set of slugs, computed once until a slug is added or removed. */
  memoizedBySlugs<V>(key: string, compute: () => V): V {
    return this.catalog.memoized(key, compute);
  }

  /** Every link whose target is `target`, with the file it is in. */
  backlinks(target: string): Backlink[] {
    return this.reverse().backlinks(target);
  }

  /** Files that link to `target` at least once. */
  linkingFiles(target: string): string[] {
    return this.reverse().linkingFiles(target);
  }

  /** Domains (ontology.domain and cross_domains) with the number of patterns using each, most used first. */
  domains(): Array<{ domain: string; count: number }> {
    return this.reverse().domains();
  }

  private reverse(): ReverseIndex {
    return (this.reverseIndex ??= new ReverseIndex(this.byUri.values()));
  }

  /** Bookkeeping after a file took `slug`: a new distinct slug, or a new duplicate. */
  private afterSlugJoined(slug: string): void {
    const count = this.bySlug.get(slug)?.length ?? 0;
    if (count === 1) this.catalog.slugAdded(slug);
    else if (count > 1) this.duplicatedSlugs.add(slug);
  }

  /** Bookkeeping after a file gave up `slug`: a distinct slug gone, or a duplicate resolved. */
  private afterSlugLeft(slug: string): void {
    const count = this.bySlug.get(slug)?.length ?? 0;
    if (count === 0) this.catalog.slugRemoved(slug);
    if (count <= 1) this.duplicatedSlugs.delete(slug);
  }

  private link(s: PatternSummary): void {
    addTo(this.bySlug, s.slug, s.uri);
    if (s.id) addTo(this.byId, s.id, s.uri);
    this.reverseIndex?.add(s);
  }

  private unlink(s: PatternSummary): void {
    removeFrom(this.bySlug, s.slug, s.uri);
    if (s.id) removeFrom(this.byId, s.id, s.uri);
    this.reverseIndex?.remove(s);
  }
}

/** Lists, not sets: nearly every slug and id has one file, and its first is what links resolve to. */
function addTo(map: Map<string, string[]>, key: string, uri: string): void {
  const uris = map.get(key);
  if (!uris) map.set(key, [uri]);
  else if (!uris.includes(uri)) uris.push(uri);
}

function removeFrom(map: Map<string, string[]>, key: string, uri: string): void {
  const uris = map.get(key);
  if (!uris) return;
  const at = uris.indexOf(uri);
  if (at >= 0) uris.splice(at, 1);
  if (uris.length === 0) map.delete(key);
}

function changeOf(before: PatternSummary | undefined, after: PatternSummary | undefined): IndexChange {
  const slugs = new Set<string>();
  const ids = new Set<string>();
  for (const s of [before, after]) {
    if (!s) continue;
    slugs.add(s.slug);
    if (s.id) ids.add(s.id);
  }
  return { slugs, ids };
}
