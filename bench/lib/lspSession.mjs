// A minimal LSP client for the benchmark: starts the real language server over stdio, answers its
// requests as an editor would (configuration: defaults; registrations and progress tokens: ok),
// and times requests and edit -> diagnostics round trips. Every wait has a timeout.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification, NotificationType,
  PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node.js';
import { URI } from 'vscode-uri';
import { killChild } from './processTracker.mjs';
import { msSince } from './stats.mjs';

const IndexReady = new NotificationType('commonsPatterns/indexReady');
/** USER_HZ of /proc/<pid>/stat: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The URI the server uses for a file (vscode-uri's encoding, which differs from Node's for some characters). */
export const fileUri = (file) => URI.file(file).toString();

export class LspSession {
  constructor(child, connection, workspace) {
    this.child = child;
    this.connection = connection;
    this.workspace = workspace;
    this.logs = [];
    this.stderr = '';
    this.versions = new Map();
    this.texts = new Map();
    /** uri -> [{ version, resolve }]: who waits for diagnostics of which version. */
    this.diagnosticWaiters = new Map();
    this.latestDiagnostics = new Map();
    let readyResolve;
    this.indexReady = new Promise((resolve) => (readyResolve = resolve));
    this.readyResolve = readyResolve;
  }

  /**
   * Starts the server on `workspace` and initializes it; resolves once `initialized` is sent.
   * `startedAt` (hrtime) is taken just before the spawn, `initializeSentAt` before initialize.
   */
  static async start({ serverMain, workspace, tracker, nodeArgs = [], timeoutMs = 30_000 }) {
    const startedAt = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    tracker.add(child);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection, workspace);
    session.startedAt = startedAt;
    session.listen();
    connection.listen();
    const folderUri = fileUri(workspace);
    session.initializeSentAt = process.hrtime.bigint();
    await withTimeout(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(workspace) }],
      initializationOptions: null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
        },
        window: { workDoneProgress: true },
      },
    }), timeoutMs, 'the initialize response');
    session.initializedAt = process.hrtime.bigint();
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  listen() {
    const c = this.connection;
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20_000) this.stderr += chunk;
    });
    c.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'commonsPatterns' ? {} : null)));
    c.onRequest(RegistrationRequest.type, () => null);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    c.onNotification(LogMessageNotification.type, (p) => {
      if (this.logs.length < 1000) this.logs.push(p.message);
    });
    c.onNotification(IndexReady, (params) => this.readyResolve({ params, at: process.hrtime.bigint(), cpuMs: this.cpuMs() }));
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = process.hrtime.bigint();
      this.latestDiagnostics.set(params.uri, params);
      const waiters = this.diagnosticWaiters.get(params.uri) ?? [];
      for (const waiter of waiters.filter((w) => w.version === undefined || w.version === params.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve({ params, at });
      }
    });
    c.onUnhandledProgress(() => undefined);
  }

  get pid() {
    return this.child.pid;
  }

  /** Resolves with { params, at } for the next diagnostics of `uri` (of `version`, when given). */
  nextDiagnostics(uri, version, timeoutMs, what) {
    const promise = new Promise((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.diagnosticWaiters.set(uri, list);
    });
    return withTimeout(promise, timeoutMs, what ?? `diagnostics of ${uri} version ${version}`);
  }

  async open(file) {
    const uri = fileUri(file);
    const text = fs.readFileSync(file, 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Sends one incremental change; returns the new version. */
  async change(uri, range, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Sends a request and resolves with { result, ms } (round trip as the client sees it). */
  async timed(type, params, timeoutMs, what) {
    const start = process.hrtime.bigint();
    const result = await withTimeout(this.connection.sendRequest(type, params), timeoutMs, what);
    return { result, ms: msSince(start) };
  }

  /** VmRSS and VmHWM (peak) of the server process in MiB, from /proc (undefined elsewhere). */
  memory() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
      return { rssMiB: round1(field('VmRSS')), peakRssMiB: round1(field('VmHWM')) };
    } catch {
      return undefined;
    }
  }

  /** CPU time (user + system, all threads) the server has used so far, in ms, from /proc (undefined elsewhere). */
  cpuMs() {
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS_PER_SECOND) : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit; kills the server when it does not exit within a few seconds. */
  async stop() {
    const exited = new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', resolve);
    });
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Unresponsive or gone: killed below.
    }
    try {
      await withTimeout(exited, 10_000, 'the server to exit');
    } catch {
      killChild(this.child);
    }
    this.connection.dispose();
  }
}

const round1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
