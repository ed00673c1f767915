import type { Connection } from 'vscode-languageserver/node';
import { guardNotification } from './guard';
import type { PatternSession } from './session';

/** didOpen / didChange / didClose: the editor's text wins over the disk while a document is open. */
export function registerDocumentSync(connection: Connection, session: PatternSession): void {
  connection.onDidOpenTextDocument(guardNotification(connection, 'didOpen', ({ textDocument: d }) =>
    session.openDocument(d.uri, d.languageId, d.version, d.text)));
  connection.onDidChangeTextDocument(guardNotification(connection, 'didChange', ({ textDocument: d, contentChanges }) =>
    session.changeDocument(d.uri, d.version, contentChanges)));
  connection.onDidCloseTextDocument(guardNotification(connection, 'didClose', ({ textDocument: d }) =>
    session.closeDocument(d.uri)));
}
