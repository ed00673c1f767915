import * as vscode from 'vscode';

/** Internal command the views' items run on click: reveal and select a range in a document. */
export const REVEAL_RANGE_COMMAND = 'commonsPatterns.revealRange';

/** Opens a document (in the column it is already shown in, if any) and selects a range. */
export async function revealRange(uri: vscode.Uri, range: vscode.Range): Promise<vscode.TextEditor> {
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn, preserveFocus: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerRevealRangeCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_RANGE_COMMAND, (uri: vscode.Uri, range: vscode.Range) => revealRange(uri, range));
}
