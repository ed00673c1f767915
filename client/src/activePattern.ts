import * as vscode from 'vscode';

/** Delay after the last keystroke before the views ask the server again. */
export const TYPING_DEBOUNCE_MS = 300;

/** Documents the views follow: Markdown files on disk or not yet saved. */
export function isTrackedDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

/**
 * Which Markdown document the views (outline, preview, backlinks) show: the active editor's, kept
 * while focus moves to a view or the preview (no text editor is active then), cleared when a
 * non-Markdown file becomes active. Fires at once when it changes, and debounced while it is edited.
 */
export class ActivePatternTracker implements vscode.Disposable {
  private current: vscode.Uri | undefined;
  private pending: NodeJS.Timeout | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  /** Fires with the followed document (undefined: none) when it changes or its text changes. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.follow(vscode.window.activeTextEditor);
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.current && event.document.uri.toString() === this.current.toString()) this.fireSoon();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.current && document.uri.toString() === this.current.toString() && !isVisible(document.uri)) this.set(undefined);
      }),
    );
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  /** Makes every listener ask again (e.g. when the server's index is ready or settings changed). */
  refresh(): void {
    this.fireSoon(0);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor) return; // focus moved to a view, a webview or a panel: keep showing the last document
    if (editor.document.uri.scheme !== 'file' && editor.document.uri.scheme !== 'untitled') return; // output, git, …
    this.set(isTrackedDocument(editor.document) ? editor.document.uri : undefined);
  }

  private set(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.current?.toString()) return;
    this.current = uri;
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.emitter.fire(uri);
  }

  private fireSoon(delay = TYPING_DEBOUNCE_MS): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.emitter.fire(this.current);
    }, delay);
  }
}

function isVisible(uri: vscode.Uri): boolean {
  return vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
}
