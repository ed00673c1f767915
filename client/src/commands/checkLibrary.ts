import * as vscode from 'vscode';
import type { PatternServer } from '../patternServer';
import { plural } from '../statusBar';
import type { CheckLibraryResult } from '../protocol';

export const CHECK_LIBRARY_COMMAND = 'commonsPatterns.checkLibrary';

/**
 * Commons Patterns: Check Whole Library — the server checks every pattern file and publishes their
 * diagnostics (so the Problems panel lists closed files too), reporting progress; then the Problems
 * panel opens. Returns the server's counts (undefined when cancelled).
 */
export function registerCheckLibraryCommand(server: PatternServer): vscode.Disposable {
  return vscode.commands.registerCommand(CHECK_LIBRARY_COMMAND, async (): Promise<CheckLibraryResult | undefined> => {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Commons Patterns: checking the library', cancellable: true },
      async (progress, token) => {
        try {
          return await server.checkLibrary(progress, token);
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        }
      },
    );
    if (!result) return undefined;
    void vscode.window.showInformationMessage(
      `Commons Patterns: checked ${plural(result.files, 'file')} (${plural(result.patterns, 'pattern')}): ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.problems, 'problem')} in all.`);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return result;
  });
}
