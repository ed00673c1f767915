import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type Range as ProtocolRange } from 'vscode-languageclient/node';
import {
  BacklinksRequest, CheckLibraryRequest, ContextPreviewRequest, IndexReadyNotification, LibraryStatusRequest,
  NewPatternRequest, SectionOutlineRequest,
  type BacklinkItem, type CheckLibraryResult, type ContextPreview, type IndexReadyParams, type LibraryStatus,
  type NewPatternResult, type SectionOutlineItem,
} from './protocol';

/** Progress of a long request, as VS Code's withProgress takes it. */
export type ProgressSink = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * The custom requests of the Commons Patterns server, typed, with URIs and ranges converted
 * between VS Code and the protocol. Every view and command goes through this; none holds language logic.
 */
export class PatternServer {
  private progressTokens = 0;

  constructor(readonly client: LanguageClient) {}

  asUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  asRange(range: ProtocolRange): vscode.Range {
    return this.client.protocol2CodeConverter.asRange(range);
  }

  parseUri(uri: string): vscode.Uri {
    return this.client.protocol2CodeConverter.asUri(uri);
  }

  sectionOutline(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<SectionOutlineItem[] | null> {
    return this.client.sendRequest(SectionOutlineRequest, { uri: this.asUri(uri) }, token);
  }

  contextPreview(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<ContextPreview | null> {
    return this.client.sendRequest(ContextPreviewRequest, { uri: this.asUri(uri) }, token);
  }

  backlinks(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<BacklinkItem[] | null> {
    return this.client.sendRequest(BacklinksRequest, { uri: this.asUri(uri) }, token);
  }

  newPattern(title: string, folder: vscode.Uri | undefined): Promise<NewPatternResult | null> {
    return this.client.sendRequest(NewPatternRequest, folder ? { title, folderUri: this.asUri(folder) } : { title });
  }

  libraryStatus(): Promise<LibraryStatus> {
    return this.client.sendRequest(LibraryStatusRequest, {});
  }

  /** Asks the server to check every pattern file; its WorkDoneProgress reports go to `progress`. */
  async checkLibrary(progress: ProgressSink, token: vscode.CancellationToken): Promise<CheckLibraryResult> {
    const workDoneToken = `commonsPatterns/checkLibrary/${++this.progressTokens}`;
    let reported = 0;
    const listener = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      // LSP reports an absolute percentage; VS Code's progress takes increments.
      const increment = value.percentage !== undefined ? Math.max(0, value.percentage - reported) : undefined;
      if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
      progress.report({ message: value.message, increment });
    });
    try {
      return await this.client.sendRequest(CheckLibraryRequest, { workDoneToken }, token);
    } finally {
      listener.dispose();
    }
  }

  onIndexReady(handler: (params: IndexReadyParams) => void): vscode.Disposable {
    return this.client.onNotification(IndexReadyNotification, handler);
  }
}
