import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ActivePatternTracker } from './activePattern';
import type { PatternServer } from './patternServer';
import { previewMediaRoot, previewPanelOptions } from './preview/previewPanelOptions';
import { renderPreviewHtml } from './preview/renderPreviewHtml';
import { revealRange } from './revealRange';

export const CONTEXT_PREVIEW_VIEW_TYPE = 'commonsPatterns.contextPreview';

/** A message from media/preview.js. */
interface RevealMessage {
  readonly type: 'reveal';
  readonly line: number;
  readonly character: number;
}

/**
 * The context preview: one webview beside the editor showing the followed pattern as each audience
 * meets it (from the server's `commonsPatterns/contextPreview`). It follows the active pattern and
 * updates while typing (the tracker debounces); clicking an audience reveals its line.
 */
export class ContextPreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shownUri: vscode.Uri | undefined;
  /** The preview data last rendered: an edit that changes none of it does not reload the page. */
  private shownData: string | undefined;
  private html = '';
  private generation = 0;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly extensionUri: vscode.Uri, private readonly server: PatternServer, private readonly tracker: ActivePatternTracker) {
    this.subscription = tracker.onDidChange((uri) => {
      if (this.panel && uri) void this.update(uri).catch((error) => this.showError(error));
    });
  }

  /** Opens (or reveals) the preview for a document, by default the followed one; returns the HTML set. */
  async show(uri: vscode.Uri | undefined = this.tracker.uri): Promise<string> {
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.reveal(undefined, true);
    if (!uri) {
      this.shownData = undefined;
      return this.setHtml(renderPreviewHtml(undefined, this.resources(this.panel.webview)));
    }
    return this.update(uri);
  }

  /** The webview's options while the panel is open. */
  get webviewOptions(): vscode.WebviewOptions | undefined {
    return this.panel?.webview.options;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }

  private async update(uri: vscode.Uri): Promise<string> {
    const generation = ++this.generation;
    const preview = await this.server.contextPreview(uri);
    const panel = this.panel;
    // A newer update started meanwhile, or the panel was closed: this result is stale.
    if (!panel || generation !== this.generation) return this.html;
    const data = JSON.stringify({ uri: uri.toString(), preview: preview ? { ...preview, version: 0 } : null });
    this.shownUri = uri;
    panel.title = preview?.title ? `Preview: ${preview.title}` : 'Context Preview';
    if (data === this.shownData) return this.html;
    this.shownData = data;
    return this.setHtml(renderPreviewHtml(preview ?? undefined, this.resources(panel.webview), 'This file is not a pattern: it has no frontmatter with a slug.'));
  }

  private setHtml(html: string): string {
    this.html = html;
    if (this.panel) this.panel.webview.html = html;
    return html;
  }

  private createPanel(): vscode.WebviewPanel {
    const media = previewMediaRoot(this.extensionUri, vscode.Uri.joinPath);
    const panel = vscode.window.createWebviewPanel(
      CONTEXT_PREVIEW_VIEW_TYPE,
      'Context Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      previewPanelOptions(this.extensionUri, vscode.Uri.joinPath),
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isRevealMessage(message) && this.shownUri) {
        const position = new vscode.Position(message.line, message.character);
        void revealRange(this.shownUri, new vscode.Range(position, position));
      }
    });
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.shownUri = undefined;
        this.shownData = undefined;
      }
    });
    return panel;
  }

  private resources(webview: vscode.Webview) {
    const media = previewMediaRoot(this.extensionUri, vscode.Uri.joinPath);
    return {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('hex'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    };
  }

  private showError(error: unknown): void {
    void vscode.window.showErrorMessage(`Commons Patterns: the context preview failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isRevealMessage(message: unknown): message is RevealMessage {
  const m = message as Partial<RevealMessage> | null;
  return !!m && m.type === 'reveal' && Number.isInteger(m.line) && Number.isInteger(m.character) && m.line! >= 0 && m.character! >= 0;
}
