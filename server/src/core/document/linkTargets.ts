import { isRecord } from './formatVersion';
import type { YamlPath } from './yamlPath';

/** Where a link came from: a human-curated relationship or a machine-written inferred link. */
export type LinkSource = 'relationship' | 'inferred';

/** A link to another pattern as frontmatter data says it, with where it is written. */
export interface LinkTarget {
  readonly source: LinkSource;
  /** The relationship kind (`enables`, …) or, for an inferred link, its `type` ('' when none). */
  readonly kind: string;
  /** The target slug or id, trimmed. */
  readonly target: string;
  readonly weight: number | undefined;
  /** Path to the target value, e.g. ['relationships','enables',0,'slug']. */
  readonly path: YamlPath;
  /** Path to the whole entry, e.g. ['relationships','enables',0]. */
  readonly entryPath: YamlPath;
}

/**
 * Every relationship and inferred-link target of frontmatter data, in the order written. The
 * target of a relationship entry is the entry itself when it is a string, else its string `slug`,
 * else its string `id` (real files keep a slug there). The same reading as linkReferences.ts on
 * the YAML tree; the index (patternSummary.ts) and the rules use this one.
 */
export function linkTargetsOf(data: unknown): LinkTarget[] {
  const links: LinkTarget[] = [];
  if (!isRecord(data)) return links;
  if (isRecord(data.relationships)) {
    for (const [kind, list] of Object.entries(data.relationships)) {
      if (!Array.isArray(list)) continue;
      list.forEach((entry: unknown, index) => {
        const entryPath = ['relationships', kind, index];
        if (typeof entry === 'string') {
          links.push({ source: 'relationship', kind, target: entry.trim(), weight: undefined, path: entryPath, entryPath });
        } else if (isRecord(entry)) {
          const key = typeof entry.slug === 'string' ? 'slug' : typeof entry.id === 'string' ? 'id' : undefined;
          if (key !== undefined) links.push({ source: 'relationship', kind, target: (entry[key] as string).trim(), weight: finiteNumber(entry.weight), path: [...entryPath, key], entryPath });
        }
      });
    }
  }
  const garden = isRecord(data.graph_garden) ? data.graph_garden : undefined;
  if (garden && Array.isArray(garden.inferred_links)) {
    garden.inferred_links.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.target !== 'string') return;
      const entryPath = ['graph_garden', 'inferred_links', index];
      const kind = typeof entry.type === 'string' ? entry.type : '';
      links.push({ source: 'inferred', kind, target: entry.target.trim(), weight: finiteNumber(entry.confidence), path: [...entryPath, 'target'], entryPath });
    });
  }
  return links;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
