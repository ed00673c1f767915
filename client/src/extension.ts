import * as vscode from 'vscode';
import { ActivePatternTracker } from './activePattern';
import { BacklinksProvider, registerBacklinksView } from './backlinksView';
import { registerCheckLibraryCommand } from './commands/checkLibrary';
import { registerNewPatternCommand } from './commands/newPattern';
import { registerOpenContextPreviewCommand } from './commands/openContextPreview';
import { registerShowBacklinksCommand } from './commands/showBacklinks';
import { ContextPreviewPanel } from './contextPreviewPanel';
import { CONFIGURATION_SECTION, createLanguageClient } from './languageClient';
import { PatternServer } from './patternServer';
import type { BacklinkItem, LibraryStatus } from './protocol';
import { registerRevealRangeCommand } from './revealRange';
import { registerSectionOutlineView, SectionOutlineProvider, type OutlineRow } from './sectionOutlineView';
import { PatternStatusBar } from './statusBar';

/** How long `ready` waits for the server's first `commonsPatterns/indexReady`. */
const INDEX_READY_TIMEOUT_MS = 120_000;

/**
 * What the extension exports (`vscode.extensions.getExtension(...).exports`): used by the tests in a
 * real VS Code to read what the views show, and open to other extensions.
 */
export interface CommonsPatternsApi {
  /** Resolves once the language server runs and has indexed the workspace; rejects if it cannot start. */
  readonly ready: Promise<void>;
  /** The rows the "Pattern Sections" view shows for a document. */
  sectionOutlineItems(uri: vscode.Uri): Promise<OutlineRow[]>;
  /** Opens the context preview for a document and returns the HTML the webview shows. */
  renderPreviewHtml(uri: vscode.Uri): Promise<string>;
  /** The options of the context preview's webview while it is open (what it may load and run). */
  previewWebviewOptions(): vscode.WebviewOptions | undefined;
  /** The links the "Linked From" view lists for a document. */
  backlinks(uri: vscode.Uri): Promise<BacklinkItem[]>;
  /** The counts the status bar shows. */
  libraryStatus(): Promise<LibraryStatus>;
}

export function activate(context: vscode.ExtensionContext): CommonsPatternsApi {
  const output = vscode.window.createOutputChannel('Commons Patterns');
  const client = createLanguageClient(context, output);
  const server = new PatternServer(client);
  const tracker = new ActivePatternTracker();
  const outline = new SectionOutlineProvider(server, tracker);
  const backlinks = new BacklinksProvider(server, tracker);
  const preview = new ContextPreviewPanel(context.extensionUri, server, tracker);
  const statusBar = new PatternStatusBar(server);

  // Registered before start so that the first notification cannot be missed.
  const indexReady = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the language server did not report its index within ${INDEX_READY_TIMEOUT_MS / 1000} s`)), INDEX_READY_TIMEOUT_MS);
    context.subscriptions.push(server.onIndexReady(() => {
      clearTimeout(timer);
      resolve();
      // The index is (re)built: at start, and again after settings that change it.
      tracker.refresh();
      statusBar.refreshSoon(0);
    }));
  });

  context.subscriptions.push(
    output, client, tracker, outline, backlinks, preview, statusBar,
    registerSectionOutlineView(outline),
    registerBacklinksView(backlinks),
    registerRevealRangeCommand(),
    registerNewPatternCommand(server),
    registerOpenContextPreviewCommand(preview),
    registerCheckLibraryCommand(server),
    registerShowBacklinksCommand(backlinks),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(CONFIGURATION_SECTION)) tracker.refresh();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'commonsPatterns.active', true);

  const ready = client.start().then(() => indexReady);
  ready.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`Commons Patterns could not start: ${message}`);
    void vscode.window.showErrorMessage(`Commons Patterns: ${message}`, 'Show Log').then((choice) => {
      if (choice) output.show();
    });
  });

  return Object.freeze({
    ready,
    sectionOutlineItems: (uri: vscode.Uri) => outline.rows(uri),
    renderPreviewHtml: (uri: vscode.Uri) => preview.show(uri),
    previewWebviewOptions: () => preview.webviewOptions,
    backlinks: async (uri: vscode.Uri) => (await server.backlinks(uri)) ?? [],
    libraryStatus: () => server.libraryStatus(),
  });
}

/** The client is in context.subscriptions: VS Code disposes it, which stops the server. */
export function deactivate(): void {}
