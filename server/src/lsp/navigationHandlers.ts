import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { checkpoint, requestCancelled } from './cancellation';
import { guard } from './guard';
import { prefetchFilesNamingSlugAt } from './prefetch';
import type { PatternSession } from './session';

/**
 * Definition, references and rename. References and rename must see the whole workspace, so they
 * wait for indexing to finish; they parse the files they need in cancellable slices first (see
 * prefetch.ts), and a cancelled request answers RequestCancelled.
 */
export function registerNavigationHandlers(connection: Connection, session: PatternSession): void {
  connection.onDefinition(guard(connection, 'definition', null, ({ textDocument, position }) => {
    const doc = session.document(textDocument.uri);
    return (doc && session.service.definition(doc, position)) ?? null;
  }));

  /** Waits for the index, lets a cancellation arrive, and parses what the request will read. */
  const prepare = async (uri: string, position: { line: number; character: number }, token: CancellationToken) => {
    if (!(await session.gate.wait(token))) throw requestCancelled();
    await checkpoint(token);
    const doc = session.document(uri);
    if (doc) await prefetchFilesNamingSlugAt(session, doc, position, token);
    // The prefetch yielded: take the document again, its text may be newer.
    return session.document(uri);
  };

  connection.onReferences(guard(connection, 'references', null, async ({ textDocument, position, context }, token) => {
    const doc = await prepare(textDocument.uri, position, token);
    if (!doc) return null;
    return session.service.references(doc, position, context.includeDeclaration);
  }));

  connection.onPrepareRename(guard(connection, 'prepareRename', null, async ({ textDocument, position }, token) => {
    if (!(await session.gate.wait(token))) throw requestCancelled();
    const doc = session.document(textDocument.uri);
    const result = doc && session.service.prepareRename(doc, position);
    if (!result) return null;
    // The client shows the message of a failed prepareRename to the user ("'x' is already taken").
    if (result.error !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    if (!result.range) return null;
    return result.placeholder !== undefined ? { range: result.range, placeholder: result.placeholder } : result.range;
  }));

  connection.onRenameRequest(guard(connection, 'rename', null, async ({ textDocument, position, newName }, token) => {
    const doc = await prepare(textDocument.uri, position, token);
    if (!doc) return null;
    const result = session.service.rename(doc, position, newName);
    if (result.error !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result.edit ?? null;
  }));
}
