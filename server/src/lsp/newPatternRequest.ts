import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { URI, Utils } from 'vscode-uri';
import { newPatternText } from '../core/features/newPattern';
import type { NewPatternParams, NewPatternResult } from './customProtocol';
import type { PatternSession } from './session';

/** Enough numbered candidates (`slug-2`, `slug-3`, …) for any real library. */
const MAX_SUFFIX = 1000;

/**
 * `commonsPatterns/newPattern`: the text of a new v7.1 pattern and where it should go (the client
 * creates the file). The folder is the one asked for, else the folder holding most patterns; the
 * slug gets a number when the plain one is taken by a pattern or a file.
 */
export function newPattern(session: PatternSession, params: NewPatternParams | undefined): NewPatternResult {
  const title = typeof params?.title === 'string' ? params.title.trim() : '';
  if (!title) throw new ResponseError(ErrorCodes.InvalidParams, 'commonsPatterns/newPattern needs a non-empty title');
  const folderUri = typeof params?.folderUri === 'string' ? params.folderUri : busiestFolder(session) ?? session.folders.all()[0]?.uri;
  if (!folderUri) throw new ResponseError(ErrorCodes.InvalidRequest, 'No folder to create the pattern in: open a workspace folder first');
  const folder = URI.parse(folderUri);
  const first = newPatternText(session.schema, title);
  const taken = (slug: string, fileName: string) =>
    session.index.bySlugFirst(slug) !== undefined || session.host.exists(Utils.joinPath(folder, fileName).toString());
  let created = first;
  for (let n = 2; taken(created.slug, created.fileName); n++) {
    if (n > MAX_SUFFIX) throw new ResponseError(ErrorCodes.InvalidRequest, `Every slug from '${first.slug}' to '${first.slug}-${MAX_SUFFIX}' is taken`);
    created = newPatternText(session.schema, title, `${first.slug}-${n}`);
  }
  return { uri: Utils.joinPath(folder, created.fileName).toString(), slug: created.slug, text: created.text };
}

/** The folder (not necessarily a workspace root) that holds the most indexed patterns. */
function busiestFolder(session: PatternSession): string | undefined {
  const counts = new Map<string, number>();
  for (const summary of session.index.all()) {
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
