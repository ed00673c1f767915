import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, LogMessageNotification, NotificationType, PublishDiagnosticsNotification,
  RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgress,
  WorkDoneProgressCreateRequest, ShowMessageNotification,
  type FileEvent, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type Registration,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

/** The repository root, from out/test/protocol/<file>.js. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
export const SERVER_MAIN = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js');

const IndexReady = new NotificationType<{ patterns: number }>('commonsPatterns/indexReady');

/** A copy of the fixture workspace in a fresh temporary folder, so tests may create and delete files. */
export function copyFixtureWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-protocol-'));
  fs.cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return dir;
}

export interface StartOptions {
  /** The `commonsPatterns` settings the client answers workspace/configuration with. */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
  /** Whether the client says it supports `window.workDoneProgress` (default true). */
  readonly progress?: boolean;
  /** More workspace folders besides the main one (multi-root). */
  readonly extraFolders?: readonly string[];
}

/**
 * A minimal LSP client for the protocol tests: starts the real server over stdio, initializes it
 * with one workspace folder, answers the server's requests (configuration, registrations, progress
 * tokens) as an editor would, and records what the server sends (diagnostics, progress, logs).
 */
export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progressMessages: string[] = [];
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly indexReady: Array<{ patterns: number }> = [];
  /** What workspace/configuration answers for `commonsPatterns`; change it, then call changeSettings(). */
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private versions = new Map<string, number>();
  private listeners = new Set<() => void>();
  private stderr = '';

  private constructor(readonly workspace: string, readonly connection: ProtocolConnection, readonly server: ChildProcess, settings: Record<string, unknown>) {
    this.settings = settings;
  }

  static async start(workspace: string, options: StartOptions = {}): Promise<LspTestClient> {
    const server = spawn(process.execPath, [SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const client = new LspTestClient(workspace, connection, server, options.settings ?? {});
    server.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    client.listen();
    connection.listen();
    const rootUri = URI.file(workspace).toString();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [workspace, ...(options.extraFolders ?? [])].map((folder) => ({ uri: URI.file(folder).toString(), name: path.basename(folder) })),
      initializationOptions: options.initializationOptions ?? null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
          diagnostics: { refreshSupport: false },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          diagnostic: { dynamicRegistration: false },
        },
        window: { workDoneProgress: options.progress ?? true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)));
    c.onNotification(IndexReady, (params) => this.record(() => this.indexReady.push(params)));
    c.onNotification(LogMessageNotification.type, (params) => this.logs.push(params.message));
    c.onNotification(ShowMessageNotification.type, (params) => this.record(() => this.shownMessages.push(params.message)));
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'commonsPatterns' ? this.settings : null)));
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      c.onProgress(WorkDoneProgress.type, params.token, (value) => {
        if ('message' in value && value.message) this.record(() => this.progressMessages.push(value.message!));
      });
      return null;
    });
  }

  private record(push: () => void): void {
    push();
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `probe` returns a value (checked now and after every recorded message). */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(value);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(listener);
    });
  }

  waitForIndexReady(): Promise<{ patterns: number }> {
    return this.waitFor('commonsPatterns/indexReady', () => this.indexReady[0]);
  }

  uri(relativePath: string): string {
    return URI.file(path.join(this.workspace, relativePath)).toString();
  }

  filePath(relativePath: string): string {
    return path.join(this.workspace, relativePath);
  }

  /** How many diagnostics notifications have arrived: pass it to waitForDiagnostics to see only newer ones. */
  mark(): number {
    return this.published.length;
  }

  /** The first diagnostics for `uri` published after `since` that satisfy `where`. */
  waitForDiagnostics(uri: string, since: number, where: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.published.slice(since).find((p) => p.uri === uri && where(p)), timeoutMs);
  }

  /** Opens a file of the workspace with its text on disk (or the given text). */
  async open(relativePath: string, text?: string): Promise<string> {
    const uri = this.uri(relativePath);
    const content = text ?? fs.readFileSync(this.filePath(relativePath), 'utf8');
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: content } });
    return uri;
  }

  /** Replaces the whole text of an open document; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Tells the server the settings changed; it pulls them with workspace/configuration. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.server.exitCode !== null) resolve();
      else this.server.once('exit', () => resolve());
    });
    // A server stuck in a long computation never answers shutdown: give it a few seconds, then kill it.
    const killer = setTimeout(() => this.server.kill(), 5000);
    try {
      const shutdown = this.connection.sendRequest(ShutdownRequest.type);
      // Rejected when the connection is disposed after a kill: that is expected, not a failure.
      shutdown.catch(() => undefined);
      await Promise.race([shutdown, exited]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server is gone already; nothing to shut down.
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

/** Starts a client on a fresh copy of the fixture workspace and waits until the server has indexed it. */
export async function startOnFixtureCopy(options?: StartOptions): Promise<{ client: LspTestClient; workspace: string; dispose: () => Promise<void> }> {
  const workspace = copyFixtureWorkspace();
  const client = await LspTestClient.start(workspace, options);
  await client.waitForIndexReady();
  return {
    client,
    workspace,
    dispose: async () => {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/** A diagnostic reduced to what the tests compare exactly. */
export function shapeOf(d: { code?: number | string; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  const r = d.range;
  return `${d.code} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
