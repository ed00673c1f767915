import * as vscode from 'vscode';
import type { PatternServer } from './patternServer';
import type { LibraryStatus } from './protocol';

/** Diagnostics arrive in bursts (a whole-library check publishes thousands): count once they settle. */
const STATUS_DEBOUNCE_MS = 500;

/**
 * "$(book) 12 patterns · 5 problems": the library's errors and warnings in words (information and
 * hints only in the tooltip), so it does not read as a copy of VS Code's own problem counter beside it.
 */
export function statusText(status: LibraryStatus): string {
  const patterns = `$(book) ${plural(status.patterns, 'pattern')}`;
  const problems = status.errors + status.warnings;
  if (problems === 0) return `${patterns} · $(check) no problems`;
  return `${patterns} · ${plural(problems, 'problem')}`;
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The status bar item: the library's pattern count and problem count (the server's
 * `commonsPatterns/libraryStatus`, asked again when the index is ready and when diagnostics
 * change); clicking it opens the Problems panel.
 */
export class PatternStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('commonsPatterns.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly server: PatternServer) {
    this.item.name = 'Commons Patterns';
    this.item.text = '$(sync~spin) Indexing patterns…';
    this.item.tooltip = 'Commons Patterns: indexing the pattern library';
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon());
  }

  refreshSoon(delay = STATUS_DEBOUNCE_MS): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    try {
      const status = await this.server.libraryStatus();
      this.item.text = statusText(status);
      const other = status.problems - status.errors - status.warnings;
      this.item.tooltip = `Commons Patterns: ${status.patterns} pattern files; ${status.errors} errors and ${status.warnings} warnings`
        + `${other > 0 ? ` (and ${other} information and hints)` : ''} in the library. Click to open the Problems panel.`;
    } catch (error) {
      this.item.text = '$(warning) Commons Patterns';
      this.item.tooltip = `Commons Patterns: the language server did not answer (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscription.dispose();
    this.item.dispose();
  }
}
