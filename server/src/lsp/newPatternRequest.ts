import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { placeNewPattern } from '../core/features/newPatternPlacement';
import type { NewPatternParams, NewPatternResult } from './customProtocol';
import type { PatternSession } from './session';

/** `commonsPatterns/newPattern`: the text of a new v7.1 pattern and where it should go (the client creates the file). */
export function newPattern(session: PatternSession, params: NewPatternParams | undefined): NewPatternResult {
  const title = typeof params?.title === 'string' ? params.title.trim() : '';
  if (!title) throw new ResponseError(ErrorCodes.InvalidParams, 'commonsPatterns/newPattern needs a non-empty title');
  const folderUri = typeof params?.folderUri === 'string' ? params.folderUri : undefined;
  const placed = placeNewPattern(session.featureContext(), title, folderUri, session.folders.all().map((f) => f.uri));
  if ('error' in placed) throw new ResponseError(ErrorCodes.InvalidRequest, placed.error);
  return placed;
}
