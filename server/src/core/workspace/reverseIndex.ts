import type { PatternSummary, SummaryLink } from './patternSummary';

/** A link into a pattern, from the index's reverse map. */
export interface Backlink {
  readonly fromUri: string;
  readonly link: SummaryLink;
}

/**
 * The index's reverse maps: who links to each target, and how many patterns use each domain. Only
 * the editor's features ask them (references, rename, backlinks, domain completion, the files to
 * check again after an edit); `commons-patterns check` never does. So `WorkspaceIndex` builds them
 * from every summary on the first question and keeps them in step from then on: a check of the real
 * library does not spend ~35 ms per thread on 58,000 links nobody looks up.
 */
export class ReverseIndex {
  private readonly linksTo = new Map<string, Map<string, SummaryLink[]>>();
  private readonly domainCounts = new Map<string, number>();

  constructor(summaries: Iterable<PatternSummary>) {
    for (const summary of summaries) this.add(summary);
  }

  add(s: PatternSummary): void {
    for (const link of s.links) {
      let from = this.linksTo.get(link.target);
      if (!from) this.linksTo.set(link.target, (from = new Map()));
      const list = from.get(s.uri);
      if (list) list.push(link);
      else from.set(s.uri, [link]);
    }
    for (const d of domainsOf(s)) this.domainCounts.set(d, (this.domainCounts.get(d) ?? 0) + 1);
  }

  remove(s: PatternSummary): void {
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

  backlinks(target: string): Backlink[] {
    const result: Backlink[] = [];
    for (const [fromUri, links] of this.linksTo.get(target) ?? []) for (const link of links) result.push({ fromUri, link });
    return result;
  }

  linkingFiles(target: string): string[] {
    return [...(this.linksTo.get(target)?.keys() ?? [])];
  }

  domains(): Array<{ domain: string; count: number }> {
    return [...this.domainCounts].map(([domain, count]) => ({ domain, count })).sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
  }
}

function domainsOf(s: PatternSummary): Set<string> {
  return new Set([s.domain, ...s.crossDomains].filter((d): d is string => !!d));
}
