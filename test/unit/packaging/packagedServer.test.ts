import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, NotificationType, PublishDiagnosticsNotification, RegistrationRequest, RequestType, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { EXAMPLE_LIBRARY, packagedFiles, REPO_ROOT } from './packagingHelpers';

/**
 * The .vsix ships no node_modules (vsce --no-dependencies): dist/server.js must run on its own.
 * These tests copy exactly the files `vsce ls` lists into an empty temporary folder (nothing to
 * resolve a module from above it), start that server over stdio on the example library and check
 * it answers exactly as the server built from the sources does.
 */
const IndexReady = new NotificationType<{ patterns: number }>('commonsPatterns/indexReady');
const LibraryStatusRequest = new RequestType<Record<string, never>, unknown, void>('commonsPatterns/libraryStatus');
const PROBLEM_FILE = 'deliberate-problems.md';
const STEP_TIMEOUT_MS = 60_000;

interface ServerAnswers {
  readonly indexReady: { patterns: number };
  readonly libraryStatus: unknown;
  readonly diagnostics: Array<{ code: unknown; severity: unknown; range: unknown; message: string }>;
  readonly stderr: string;
}

/** Starts `node <main> --stdio` on the example library, waits for its index, asks what the VS Code client asks. */
async function askServer(main: string): Promise<ServerAnswers> {
  const server = spawn(process.execPath, [main, '--stdio'], { cwd: path.dirname(main), stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: '' } });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const within = <T>(what: string, promise: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${main}: no ${what} within ${STEP_TIMEOUT_MS} ms\nstderr:\n${stderr}`)), STEP_TIMEOUT_MS);
    });
    const died = exited.then(() => { throw new Error(`${main} exited while waiting for ${what}\nstderr:\n${stderr}`); });
    return Promise.race([promise, timeout, died]).finally(() => clearTimeout(timer));
  };
  try {
    const indexReady = new Promise<{ patterns: number }>((resolve) => connection.onNotification(IndexReady, resolve));
    const fileUri = URI.file(path.join(EXAMPLE_LIBRARY, PROBLEM_FILE)).toString();
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => { if (params.uri === fileUri) resolve(params); });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.listen();
    await within('initialize result', connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: URI.file(EXAMPLE_LIBRARY).toString(),
      workspaceFolders: [{ uri: URI.file(EXAMPLE_LIBRARY).toString(), name: 'library' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    }));
    await connection.sendNotification(InitializedNotification.type, {});
    const ready = await within('commonsPatterns/indexReady', indexReady);
    const libraryStatus = await within('commonsPatterns/libraryStatus answer', connection.sendRequest(LibraryStatusRequest, {}));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: fileUri, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(EXAMPLE_LIBRARY, PROBLEM_FILE), 'utf8') },
    });
    const diagnostics = (await within(`diagnostics for ${PROBLEM_FILE}`, published)).diagnostics
      .map(({ code, severity, range, message }) => ({ code, severity, range, message }));
    await within('shutdown answer', connection.sendRequest(ShutdownRequest.type));
    await connection.sendNotification(ExitNotification.type);
    await within('exit', exited);
    return { indexReady: ready, libraryStatus, diagnostics, stderr };
  } finally {
    connection.dispose();
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

/** The packaged files, copied into a fresh temporary folder: the layout of the installed extension. */
async function stagePackage(): Promise<string> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-vsix-'));
  for (const file of await packagedFiles()) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(stage, file));
  }
  return stage;
}

test('the packaged server runs without node_modules and answers like the server built from the sources', { timeout: 240_000 }, async () => {
  const stage = await stagePackage();
  try {
    assert.equal(fs.existsSync(path.join(stage, 'node_modules')), false);
    const packaged = await askServer(path.join(stage, 'dist', 'server.js'));
    const built = await askServer(path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js'));
    assert.doesNotMatch(packaged.stderr, /Cannot find module|Error:/, 'the packaged server reports no missing module or schema');
    assert.ok(packaged.indexReady.patterns > 0, 'the packaged server indexed the example library');
    assert.deepEqual(packaged.indexReady, built.indexReady);
    assert.deepEqual(packaged.libraryStatus, built.libraryStatus);
    assert.deepEqual(packaged.diagnostics, built.diagnostics);
    // The four mistakes examples/library/README.md promises for this file.
    const codes = new Set(packaged.diagnostics.map((d) => d.code));
    for (const code of ['broken-relationship', 'score-out-of-range', 'schema', 'missing-section']) {
      assert.ok(codes.has(code), `${PROBLEM_FILE} gets a ${code} diagnostic from the packaged server`);
    }
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
});
