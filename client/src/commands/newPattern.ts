import * as vscode from 'vscode';
import type { PatternServer } from '../patternServer';

export const NEW_PATTERN_COMMAND = 'commonsPatterns.newPattern';

/**
 * Commons Patterns: New Pattern — asks for a title, has the server make `<slug>.md` from the v7.1
 * template with a fresh TypeID (in the folder given, e.g. from the Explorer's context menu, else the
 * folder holding most patterns), writes it and opens it. `title` may be passed by other extensions
 * and tests; the command returns the new file's URI (undefined when cancelled or refused).
 */
export function registerNewPatternCommand(server: PatternServer): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_PATTERN_COMMAND, async (folder?: unknown, titleArgument?: unknown) => {
    const title = typeof titleArgument === 'string' && titleArgument.trim()
      ? titleArgument.trim()
      : (await vscode.window.showInputBox({
        title: 'New Pattern',
        prompt: 'The title of the new pattern; its slug and file name are made from it.',
        placeHolder: 'e.g. Therapeutic Relationship Building',
        validateInput: (value) => (value.trim() ? undefined : 'A pattern needs a title.'),
      }))?.trim();
    if (!title) return undefined;
    const created = await server.newPattern(title, folder instanceof vscode.Uri ? folder : undefined);
    if (!created) {
      void vscode.window.showErrorMessage('Commons Patterns: the language server could not make a new pattern (see the Commons Patterns output).');
      return undefined;
    }
    const uri = server.parseUri(created.uri);
    if (await exists(uri)) {
      void vscode.window.showErrorMessage(`Commons Patterns: ${vscode.workspace.asRelativePath(uri)} already exists; choose another title.`);
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(created.text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return uri;
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
