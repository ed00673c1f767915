import { URI, Utils } from 'vscode-uri';
import type { FeatureContext } from './featureContext';
import { newPatternText } from './newPattern';

/** Enough numbered candidates (`slug-2`, `slug-3`, …) for any real library. */
const MAX_SUFFIX = 1000;

export interface NewPatternPlacement {
  readonly uri: string;
  readonly slug: string;
  readonly text: string;
}

/**
 * Where a new pattern goes and its text: the folder asked for, else the folder holding most patterns,
 * else the first workspace folder; the slug gets a number when the plain one is taken by a pattern or
 * a file. Returns an error message instead when there is no folder or no free slug.
 */
export function placeNewPattern(ctx: FeatureContext, title: string, folderUri: string | undefined, workspaceFolders: readonly string[]): NewPatternPlacement | { error: string } {
  const target = folderUri ?? busiestFolder(ctx) ?? workspaceFolders[0];
  if (!target) return { error: 'No folder to create the pattern in: open a workspace folder first' };
  const folder = URI.parse(target);
  const first = newPatternText(ctx.schema, title);
  const taken = (slug: string, fileName: string) =>
    ctx.index.bySlugFirst(slug) !== undefined || ctx.host.exists(Utils.joinPath(folder, fileName).toString());
  let created = first;
  for (let n = 2; taken(created.slug, created.fileName); n++) {
    if (n > MAX_SUFFIX) return { error: `Every slug from '${first.slug}' to '${first.slug}-${MAX_SUFFIX}' is taken` };
    created = newPatternText(ctx.schema, title, `${first.slug}-${n}`);
  }
  return { uri: Utils.joinPath(folder, created.fileName).toString(), slug: created.slug, text: created.text };
}

/** The folder (not necessarily a workspace root) that holds the most indexed patterns. */
function busiestFolder(ctx: FeatureContext): string | undefined {
  const counts = new Map<string, number>();
  for (const summary of ctx.index.all()) {
    const folder = Utils.dirname(URI.parse(summary.uri)).toString();
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [folder, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && folder < best)) {
      best = folder;
      bestCount = count;
    }
  }
  return best;
}
