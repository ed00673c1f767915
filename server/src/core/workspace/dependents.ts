import type { PatternSummary } from './patternSummary';
import type { IndexChange, WorkspaceIndex } from './workspaceIndex';

/**
 * The link targets of a file before and after an update. Files named by these targets may have to
 * be re-checked too: whether *they* miss an inverse entry depends on the updated file's links.
 */
export function linkTargetsOf(...summaries: ReadonlyArray<PatternSummary | undefined>): Set<string> {
  const targets = new Set<string>();
  for (const summary of summaries) for (const link of summary?.links ?? []) targets.add(link.target);
  return targets;
}

/**
 * Every file whose diagnostics may differ after an index update (call it after the update, with
 * the index's IndexChange and the link targets of the old and new summary):
 * - files that link to an old or new slug or id of the updated file (`broken-relationship`,
 *   `broken-inferred-link` now resolve differently),
 * - files that declare one of those slugs or ids (`duplicate-slug` / `duplicate-id` partners,
 *   including a partner left alone when its twin was renamed or deleted),
 * - files the updated file links to, before or after (`missing-inverse`).
 */
export function dependentUris(index: WorkspaceIndex, change: IndexChange, linkTargets: Iterable<string> = []): Set<string> {
  const uris = new Set<string>();
  const addAll = (list: Iterable<string>) => {
    for (const uri of list) uris.add(uri);
  };
  for (const slug of change.slugs) {
    addAll(index.linkingFiles(slug));
    addAll(index.bySlugAll(slug).map((s) => s.uri));
  }
  for (const id of change.ids) {
    addAll(index.linkingFiles(id));
    addAll(index.byIdAll(id).map((s) => s.uri));
  }
  for (const target of linkTargets) {
    addAll(index.bySlugAll(target).map((s) => s.uri));
    addAll(index.byIdAll(target).map((s) => s.uri));
  }
  return uris;
}

/** The dependents that are open in the editor, without the updated file itself (checked anyway). */
export function openDependents(
  index: WorkspaceIndex,
  change: IndexChange,
  isOpen: (uri: string) => boolean,
  updatedUri: string,
  linkTargets: Iterable<string> = [],
): string[] {
  return [...dependentUris(index, change, linkTargets)].filter((uri) => uri !== updatedUri && isOpen(uri));
}

/**
 * Whether an update can change other files' diagnostics at all: only the slug, the id and the links
 * of a summary matter to other files. Editing a summary's prose (title, summary text) does not.
 */
export function linkageChanged(before: PatternSummary | undefined, after: PatternSummary | undefined): boolean {
  if (!before || !after) return before !== after;
  if (before.slug !== after.slug || before.id !== after.id || before.links.length !== after.links.length) return true;
  return before.links.some((link, i) => {
    const other = after.links[i];
    return link.target !== other.target || link.kind !== other.kind || link.source !== other.source;
  });
}
