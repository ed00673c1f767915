import type { Connection } from 'vscode-languageserver/node';
import { guard } from './guard';
import type { PatternSession } from './session';

/** Completion, hover and code actions: answered from what is indexed, even while indexing. */
export function registerEditingHandlers(connection: Connection, session: PatternSession): void {
  connection.onCompletion(guard(connection, 'completion', null, ({ textDocument, position }) => {
    const doc = session.document(textDocument.uri);
    return doc ? session.service.complete(doc, position) : null;
  }));
  connection.onHover(guard(connection, 'hover', null, ({ textDocument, position }) => {
    const doc = session.document(textDocument.uri);
    return (doc && session.service.hover(doc, position)) ?? null;
  }));
  connection.onCodeAction(guard(connection, 'codeAction', null, ({ textDocument, range, context }) => {
    const doc = session.document(textDocument.uri);
    return doc ? session.service.codeActions(doc, range, context.diagnostics) : null;
  }));
}
