import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { guard } from './guard';
import type { PatternSession } from './session';

/**
 * Definition, references and rename. References and rename must see the whole workspace, so they
 * wait for indexing to finish; all give up early when the client cancels.
 */
export function registerNavigationHandlers(connection: Connection, session: PatternSession): void {
  connection.onDefinition(guard(connection, 'definition', null, ({ textDocument, position }) => {
    const doc = session.document(textDocument.uri);
    return (doc && session.service.definition(doc, position)) ?? null;
  }));

  connection.onReferences(guard(connection, 'references', null, async ({ textDocument, position, context }, token) => {
    if (!(await session.gate.wait(token))) return null;
    const doc = session.document(textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const locations = session.service.references(doc, position, context.includeDeclaration);
    return token.isCancellationRequested ? null : locations;
  }));

  connection.onPrepareRename(guard(connection, 'prepareRename', null, async ({ textDocument, position }, token) => {
    if (!(await session.gate.wait(token))) return null;
    const doc = session.document(textDocument.uri);
    const result = doc && session.service.prepareRename(doc, position);
    if (!result) return null;
    // The client shows the message of a failed prepareRename to the user ("'x' is already taken").
    if (result.error !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    if (!result.range) return null;
    return result.placeholder !== undefined ? { range: result.range, placeholder: result.placeholder } : result.range;
  }));

  connection.onRenameRequest(guard(connection, 'rename', null, async ({ textDocument, position, newName }, token) => {
    if (!(await session.gate.wait(token))) return null;
    const doc = session.document(textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const result = session.service.rename(doc, position, newName);
    if (result.error !== undefined) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return token.isCancellationRequested ? null : result.edit ?? null;
  }));
}
