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
      for (let index = 0; index < list.length; index++) {
        const entry: unknown = list[index];
        if (typeof entry === 'string') {
          links.push(new DataLink('relationship', kind, entry.trim(), undefined, index, undefined));
        } else if (isRecord(entry)) {
          const key = typeof entry.slug === 'string' ? 'slug' : typeof entry.id === 'string' ? 'id' : undefined;
          if (key !== undefined) links.push(new DataLink('relationship', kind, (entry[key] as string).trim(), finiteNumber(entry.weight), index, key));
        }
      }
    }
  }
  const garden = isRecord(data.graph_garden) ? data.graph_garden : undefined;
  if (garden && Array.isArray(garden.inferred_links)) {
    const inferred: unknown[] = garden.inferred_links;
    for (let index = 0; index < inferred.length; index++) {
      const entry = inferred[index];
      if (!isRecord(entry) || typeof entry.target !== 'string') continue;
      const kind = typeof entry.type === 'string' ? entry.type : '';
      links.push(new DataLink('inferred', kind, entry.target.trim(), finiteNumber(entry.confidence), index, 'target'));
    }
  }
  return links;
}

/**
 * A link read from the data. Its paths are made when asked: the index and the rules read every
 * link of every file (a v7.1 file has ~16), but want the paths of the few with findings.
 */
class DataLink implements LinkTarget {
  constructor(
    readonly source: LinkSource,
    readonly kind: string,
    readonly target: string,
    readonly weight: number | undefined,
    /** The entry's position in its list, and the key of the target in it (none for a plain string). */
    private readonly index: number,
    private readonly key: string | undefined,
  ) {}

  get entryPath(): YamlPath {
    return this.source === 'relationship' ? ['relationships', this.kind, this.index] : ['graph_garden', 'inferred_links', this.index];
  }

  get path(): YamlPath {
    return this.key === undefined ? this.entryPath : [...this.entryPath, this.key];
  }
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
