import type { PatternSummary, SummaryLink } from './patternSummary';

/** A link into a pattern, from the index's reverse map. */
export interface Backlink {
  readonly fromUri: string;
  readonly link: SummaryLink;
}

/** What changed in the index by one update: slugs whose resolution or backlinks may differ now. */
export interface IndexChange {
  readonly slugs: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

/**
 * The workspace index: slug -> patterns, id -> patterns, backlinks (who links to each target),
 * domains with use counts. Updated one file at a time; every map is kept incrementally.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, PatternSummary>();
  private readonly bySlug = new Map<string, Set<string>>();
  private readonly byId = new Map<string, Set<string>>();
  private readonly linksTo = new Map<string, Map<string, SummaryLink[]>>();
  private readonly domainCounts = new Map<string, number>();

  get size(): number {
    return this.byUri.size;
  }

  /** Adds or replaces the summary of one file. */
  set(summary: PatternSummary): IndexChange {
    const before = this.byUri.get(summary.uri);
    if (before) this.unlink(before);
    this.byUri.set(summary.uri, summary);
    this.link(summary);
    return changeOf(before, summary);
  }

  /** Removes one file; returns what changed (nothing when it was not indexed). */
  delete(uri: string): IndexChange {
    const before = this.byUri.get(uri);
    if (!before) return { slugs: new Set(), ids: new Set() };
    this.unlink(before);
    this.byUri.delete(uri);
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
    return [...(this.bySlug.get(slug) ?? [])].map((uri) => this.byUri.get(uri)!);
  }

  bySlugFirst(slug: string): PatternSummary | undefined {
    const uris = this.bySlug.get(slug);
    if (!uris) return undefined;
    for (const uri of uris) return this.byUri.get(uri);
    return undefined;
  }

  byIdAll(id: string): PatternSummary[] {
    return [...(this.byId.get(id) ?? [])].map((uri) => this.byUri.get(uri)!);
  }

  /** Resolves a link target: a slug, or a pattern `id` kept where a slug is expected. */
  resolve(target: string): PatternSummary | undefined {
    return this.bySlugFirst(target) ?? (target.startsWith('pat_') ? this.byIdAll(target)[0] : undefined);
  }

  slugs(): IterableIterator<string> {
    return this.bySlug.keys();
  }

  /** Every link whose target is `target`, with the file it is in. */
  backlinks(target: string): Backlink[] {
    const result: Backlink[] = [];
    for (const [fromUri, links] of this.linksTo.get(target) ?? []) for (const link of links) result.push({ fromUri, link });
    return result;
  }

  /** Files that link to `target` at least once. */
  linkingFiles(target: string): string[] {
    return [...(this.linksTo.get(target)?.keys() ?? [])];
  }

  /** Domains (ontology.domain and cross_domains) with the number of patterns using each, most used first. */
  domains(): Array<{ domain: string; count: number }> {
    return [...this.domainCounts].map(([domain, count]) => ({ domain, count })).sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
  }

  private link(s: PatternSummary): void {
    addTo(this.bySlug, s.slug, s.uri);
    if (s.id) addTo(this.byId, s.id, s.uri);
    for (const link of s.links) {
      let from = this.linksTo.get(link.target);
      if (!from) this.linksTo.set(link.target, (from = new Map()));
      const list = from.get(s.uri);
      if (list) list.push(link);
      else from.set(s.uri, [link]);
    }
    for (const d of domainsOf(s)) this.domainCounts.set(d, (this.domainCounts.get(d) ?? 0) + 1);
  }

  private unlink(s: PatternSummary): void {
    removeFrom(this.bySlug, s.slug, s.uri);
    if (s.id) removeFrom(this.byId, s.id, s.uri);
    for (const link of s.links) {
      const from = this.linksTo.get(link.target);
      if (!from) continue;
      from.delete(s.uri);
      if (from.size === 0) this.linksTo.delete(link.target);
    }
    for (const d of domainsOf(s)) {
      const n = (this.domainCounts.get(d) ?? 0) - 1;
      if (n > 0) this.domainCounts.set(d, n);
      else this.domainCounts.delete(d);
    }
  }
}

function domainsOf(s: PatternSummary): Set<string> {
  return new Set([s.domain, ...s.crossDomains].filter((d): d is string => !!d));
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
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
