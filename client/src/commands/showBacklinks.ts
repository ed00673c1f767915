import * as vscode from 'vscode';
import { BACKLINKS_VIEW_ID, type BacklinksProvider } from '../backlinksView';

export const SHOW_BACKLINKS_COMMAND = 'commonsPatterns.showBacklinks';

/**
 * Commons Patterns: Show Backlinks — opens the given pattern (from the editor or Explorer menu) if it
 * is not the active one, then shows the "Linked From" view for it.
 */
export function registerShowBacklinksCommand(provider: BacklinksProvider): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_BACKLINKS_COMMAND, async (uri?: unknown) => {
    if (uri instanceof vscode.Uri && vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    }
    await vscode.commands.executeCommand(`${BACKLINKS_VIEW_ID}.focus`);
    provider.refresh();
  });
}
