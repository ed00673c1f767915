import type { PatternSummary } from '../../../server/src/core/workspace/patternSummary';
import type { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

/**
 * Link-target ranking by a pass over every pattern, as it was before its tiers were indexed: the
 * answer the indexed ranking (features/completion/slugRanking.ts) is compared with. `beforeInOrder`
 * counts the matches better than letters-in-order.
 */
export function fullScanRank(index: WorkspaceIndex, typed: string, exclude: ReadonlySet<string>, limit: number) {
  const query = typed.trim().toLowerCase();
  const buckets: PatternSummary[][] = [[], [], [], [], []];
  const seen = new Set<string>();
  let candidates = 0;
  const wordStart = (text: string) => {
    for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + 1)) if (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1])) return true;
    return false;
  };
  const inOrder = (text: string) => {
    let k = 0;
    for (let i = 0; i < text.length && k < query.length; i++) if (text[i] === query[k]) k++;
    return k === query.length;
  };
  for (const s of index.all()) {
    if (exclude.has(s.slug) || seen.has(s.slug)) continue;
    seen.add(s.slug);
    candidates++;
    const slug = s.slug.toLowerCase();
    const title = s.title?.toLowerCase() ?? '';
    const rank = query === '' || slug.startsWith(query) ? 0 : wordStart(title) ? 1 : wordStart(slug) ? 2
      : slug.includes(query) || title.includes(query) ? 3 : inOrder(slug) || inOrder(title) ? 4 : undefined;
    if (rank !== undefined) buckets[rank].push(s);
  }
  const patterns: PatternSummary[] = [];
  let matched = 0;
  for (const bucket of buckets) {
    matched += bucket.length;
    if (patterns.length >= limit) continue;
    bucket.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    patterns.push(...bucket.slice(0, limit - patterns.length));
  }
  const beforeInOrder = buckets.slice(0, 4).reduce((n, b) => n + b.length, 0);
  return { patterns, incomplete: matched > patterns.length || matched < candidates, beforeInOrder };
}
