import * as vscode from 'vscode';
import type { ContextPreviewPanel } from '../contextPreviewPanel';

export const OPEN_CONTEXT_PREVIEW_COMMAND = 'commonsPatterns.openContextPreview';

/**
 * Commons Patterns: Open Context Preview — opens the preview beside the editor for the given file
 * (the editor title button passes it) or the followed pattern. Returns the HTML it shows.
 */
export function registerOpenContextPreviewCommand(panel: ContextPreviewPanel): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_CONTEXT_PREVIEW_COMMAND, (uri?: unknown) =>
    panel.show(uri instanceof vscode.Uri ? uri : undefined));
}
