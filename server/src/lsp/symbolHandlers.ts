import type { Connection } from 'vscode-languageserver/node';
import { checkpoint } from './cancellation';
import { guard } from './guard';
import { prefetchFiles, workspaceSymbolFiles } from './prefetch';
import type { PatternSession } from './session';

/** Document and workspace symbols, folding ranges and document links. */
export function registerSymbolHandlers(connection: Connection, session: PatternSession): void {
  connection.onDocumentSymbol(guard(connection, 'documentSymbol', null, ({ textDocument }) => {
    const doc = session.document(textDocument.uri);
    return doc ? session.service.documentSymbols(doc) : null;
  }));
  connection.onWorkspaceSymbol(guard(connection, 'workspaceSymbol', null, async ({ query }, token) => {
    await checkpoint(token);
    // The answer parses its best matches for their title ranges: parse them first, cancellably.
    await prefetchFiles(session, workspaceSymbolFiles(session, query), token);
    return session.service.workspaceSymbols(query);
  }));
  connection.onFoldingRanges(guard(connection, 'foldingRange', null, ({ textDocument }) => {
    const doc = session.document(textDocument.uri);
    return doc ? session.service.foldingRanges(doc) : null;
  }));
  connection.onDocumentLinks(guard(connection, 'documentLink', null, ({ textDocument }) => {
    const doc = session.document(textDocument.uri);
    return doc ? session.service.documentLinks(doc) : null;
  }));
}
