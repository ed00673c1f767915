import type { YamlPath } from '../../document/yamlPath';
import type { YamlOutline } from './yamlOutline';

/**
 * Where a pattern slug is expected: the same places document/linkReferences.ts reads link targets
 * from (a relationship entry's `slug`, its `id` when it has no `slug`, a bare string entry, and an
 * inferred link's `target`).
 */
export interface LinkTargetSlot {
  /** The list the link is in, e.g. ['relationships', 'enables']. */
  readonly listPath: YamlPath;
  /** The index of the entry being edited (its own target does not count as already listed). */
  readonly index: number;
  /** The key of each entry that holds its target (undefined: bare string entries). */
  readonly targetKeys: readonly string[];
}

export function linkTargetSlot(path: YamlPath, outline: YamlOutline): LinkTargetSlot | undefined {
  const [group, kind, index, key] = path;
  if (typeof index !== 'number' || typeof kind !== 'string') return undefined;
  if (group === 'relationships') {
    const listPath = ['relationships', kind];
    if (path.length === 3) return { listPath, index, targetKeys: ['slug', 'id'] };
    if (path.length !== 4) return undefined;
    // `id` holds the target only in entries without `slug`; beside `slug` it is the target's TypeID.
    if (key === 'slug' || (key === 'id' && !outline.mapAt([...listPath, index])?.keys.has('slug'))) {
      return { listPath, index, targetKeys: ['slug', 'id'] };
    }
    return undefined;
  }
  if (group === 'graph_garden' && kind === 'inferred_links' && path.length === 4 && key === 'target') {
    return { listPath: ['graph_garden', 'inferred_links'], index, targetKeys: ['target'] };
  }
  return undefined;
}

/** The targets already in the slot's list, except the entry being edited. */
export function listedTargets(slot: LinkTargetSlot, outline: YamlOutline): Set<string> {
  const listed = new Set<string>();
  outline.seqAt(slot.listPath)?.entries.forEach((entry, i) => {
    if (i === slot.index) return;
    let target = entry.scalar;
    for (const key of slot.targetKeys) target ??= entry.map?.values.get(key);
    if (target) listed.add(target.trim());
  });
  return listed;
}

/** True for a relationship list, e.g. ['relationships', 'enables']: where the `slug`/`weight` entry snippet applies. */
export function isRelationshipListPath(path: YamlPath): boolean {
  return path.length === 2 && path[0] === 'relationships' && typeof path[1] === 'string';
}
