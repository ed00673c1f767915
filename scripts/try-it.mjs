#!/usr/bin/env node
// Opens a pattern folder in a real VS Code with this extension loaded: the quick start's `npm start`.
//
//   node scripts/try-it.mjs [folder] [--port N] [--code-server] [--vsix <file>] [--check] [--timeout-ms N]
//
// - A desktop with the `code` command (and a display): runs
//   `code --extensionDevelopmentPath=<repo> <folder> [<folder>/therapeutic-relationship-building.md]`.
// - Otherwise (or with --code-server, --vsix or --check): serves VS Code in the browser with
//   code-server (installed into .cache/code-server by scripts/e2e/install.sh) on 127.0.0.1:<port>
//   (default 8080; 0 = any free port), with the extension loaded as a development extension, and
//   prints the address to open. Ctrl-C stops it.
// - --vsix <file>: instead of the development extension, installs that packaged .vsix into a fresh
//   extensions folder (code-server --install-extension) and serves with it: checks what users install.
// - --check: starts code-server (a free port unless --port is given), opens the address once in
//   headless Chromium, waits for the extension's status bar item ("<N> patterns") and, when the
//   folder has therapeutic-relationship-building.md (opened with it), the "Pattern Sections" view
//   listing that pattern's groups and sections; prints what it saw and exits 0 (activated) or 1
//   (not, or any failure). Used by test/unit/packaging/tryIt.test.ts and vsixInstall.test.ts.
// Exit codes: 0 ok; 1 failure; 2 bad arguments; 128+N when stopped by a signal.
//
// scripts/e2e/run.mjs (the test harness) runs its own code-server; it exports nothing, so the few
// helpers both need (start code-server, launch Chromium) are repeated here rather than shared.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_DIR = path.resolve(process.env.E2E_CACHE_DIR || path.join(REPO_DIR, '.cache', 'code-server'));
const CODE_SERVER_ENTRY = path.join(CACHE_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const DEFAULT_FOLDER = 'examples/library';
const DEFAULT_PORT = 8080;
/** Opened next to the folder when it is there: the reference example the example library's README points at. */
const FILE_TO_OPEN = 'therapeutic-relationship-building.md';

const SERVER_START_TIMEOUT_MS = 60_000;
const INSTALL_TIMEOUT_MS = 120_000;
const DEFAULT_CHECK_TIMEOUT_MS = 180_000;

/** The extension's status bar item once the index is built: "$(book) 13 patterns …" renders as "13 patterns". */
const STATUS_READY = /\b\d+ patterns?\b/;

const log = (msg) => process.stderr.write(`[try-it] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class UsageError extends Error {}
/** An expected failure: printed without a stack trace. */
class TryItError extends Error {}

const USAGE = `usage: node scripts/try-it.mjs [folder] [--port N] [--code-server] [--vsix <file>] [--check] [--timeout-ms N]
  folder          the folder to open (default ${DEFAULT_FOLDER})
  --port N        code-server's port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port; --check: free port)
  --code-server   serve VS Code in the browser even when a desktop \`code\` command is available
  --vsix <file>   load the packaged extension from this .vsix instead of the repository (implies --code-server)
  --check         start, load the page once in headless Chromium, verify the extension activated, exit 0/1
  --timeout-ms N  --check: how long to wait for activation (default ${DEFAULT_CHECK_TIMEOUT_MS})
(code-server comes from: bash scripts/e2e/install.sh)`;

// ------------------------------------------------------------------ arguments
function parseArgs(argv) {
  const opts = { port: undefined, codeServer: false, check: false, vsix: undefined, timeoutMs: DEFAULT_CHECK_TIMEOUT_MS, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    const takeValue = () => {
      if (value !== undefined) return value;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--help': case '-h': opts.help = true; break;
      case '--check': opts.check = true; break;
      case '--code-server': opts.codeServer = true; break;
      case '--port': opts.port = takeValue(); break;
      case '--vsix': opts.vsix = takeValue(); break;
      case '--timeout-ms': opts.timeoutMs = takeValue(); break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option: ${argv[i]}`);
        if (opts.folder !== undefined) throw new UsageError(`only one folder can be opened (got ${opts.folder} and ${arg})`);
        opts.folder = arg;
    }
  }
  if (opts.help) return opts;
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0-65535), got ${opts.port}`);
    opts.port = port;
  }
  opts.timeoutMs = Number(opts.timeoutMs);
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new UsageError('--timeout-ms must be a positive number');
  opts.folder = path.resolve(opts.folder ?? path.join(REPO_DIR, DEFAULT_FOLDER));
  if (!isDirectory(opts.folder)) throw new UsageError(`${opts.folder}: not a folder`);
  if (opts.vsix !== undefined) {
    opts.vsix = path.resolve(opts.vsix);
    if (!fs.existsSync(opts.vsix)) throw new UsageError(`--vsix ${opts.vsix}: no such file (build one with: npm run package)`);
  }
  return opts;
}

function isDirectory(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

// ------------------------------------------------------------------ desktop VS Code
/** The desktop `code` command, when there is one and a screen it can open a window on. */
function desktopCode() {
  const hasDisplay = process.platform === 'darwin' || process.platform === 'win32'
    || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return undefined;
  const probe = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  const found = probe.stdout.split(/\r?\n/).find((line) => line.trim());
  // code-server installs a `code` shim on some systems: that one cannot open a desktop window.
  if (!found || /code-server/.test(found)) return undefined;
  return found.trim();
}

function openInDesktop(code, opts) {
  const args = [`--extensionDevelopmentPath=${REPO_DIR}`, opts.folder];
  const file = path.join(opts.folder, FILE_TO_OPEN);
  if (fs.existsSync(file)) args.push(file);
  log(`opening ${opts.folder} in VS Code (${code}) with the extension from ${REPO_DIR}`);
  // On Windows `code` is a .cmd script, which only a shell runs; the shell needs the paths quoted.
  const windows = process.platform === 'win32';
  const result = spawnSync(code, windows ? args.map((a) => `"${a}"`) : args, { stdio: 'inherit', shell: windows });
  if (result.error) throw new TryItError(`could not run ${code}: ${result.error.message}`);
  if (result.status !== 0) throw new TryItError(`${code} exited with code ${result.status}`);
  log('VS Code is open (an "[Extension Development Host]" window). Serve it in the browser instead with --code-server.');
  return 0;
}

// ------------------------------------------------------------------ code-server
/** What to stop and remove on the way out; one per run, passed around rather than module-global. */
function createSession() {
  return { server: undefined, serverExited: undefined, browser: undefined, tmpDir: undefined, output: [] };
}

async function shutdown(session) {
  if (session.browser) {
    const browser = session.browser;
    session.browser = undefined;
    await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
  }
  const server = session.server;
  if (server && server.exitCode === null && server.signalCode === null) {
    // code-server runs in its own process group (detached): the group also holds the extension host.
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([session.serverExited, sleep(5000)]);
  }
  if (server) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } }
  session.server = undefined;
  if (session.tmpDir) {
    fs.rmSync(session.tmpDir, { recursive: true, force: true });
    session.tmpDir = undefined;
  }
}

function requireCodeServer() {
  if (!fs.existsSync(CODE_SERVER_ENTRY) || !fs.existsSync(path.join(CACHE_DIR, '.e2e-installed'))) {
    throw new TryItError(`code-server is not installed in ${CACHE_DIR}; run: bash scripts/e2e/install.sh`);
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Environment for code-server: its machine-wide files and sockets stay in the session's temp dir. */
function codeServerEnv(tmpDir) {
  const env = {
    ...process.env,
    DONT_PROMPT_WSL_INSTALL: '1',
    XDG_CONFIG_HOME: path.join(tmpDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmpDir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(tmpDir, 'xdg-data'),
    TMPDIR: path.join(tmpDir, 'tmp'),
  };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  // When started from a VS Code terminal, do not talk to that VS Code.
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/**
 * A quiet workbench: no welcome page, tips, trust prompt, update checks or telemetry. Auto save off,
 * as in desktop VS Code (the browser build saves after a second by default): trying things out in
 * the example library does not rewrite its files unless you save.
 */
function writeUserSettings(userDataDir) {
  const settings = {
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function installVsix(vsix, extensionsDir, env) {
  log(`installing ${path.relative(process.cwd(), vsix) || vsix} into a fresh extensions folder`);
  const child = spawn(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir,
    '--user-data-dir', path.join(path.dirname(extensionsDir), 'user-data'), '--install-extension', vsix],
  { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
  const [code] = await new Promise((resolve) => child.once('exit', (...r) => resolve(r)));
  clearTimeout(timer);
  const installed = fs.readdirSync(extensionsDir).filter((name) => !name.startsWith('.') && name !== 'extensions.json');
  if (code !== 0 || installed.length === 0) {
    throw new TryItError(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output.trim()}`);
  }
  log(`installed: ${installed.join(', ')}`);
}

async function startCodeServer(session, opts, port) {
  const tmpDir = session.tmpDir;
  const env = codeServerEnv(tmpDir);
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  if (opts.vsix) await installVsix(opts.vsix, extensionsDir, env);
  const configFile = path.join(tmpDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n'); // keeps code-server off ~/.config/code-server

  const args = [CODE_SERVER_ENTRY, '--config', configFile, '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, opts.folder];
  log(`starting code-server on 127.0.0.1:${port}`);
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  session.server = child;
  session.serverExited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const keepTail = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      session.output.push(line);
      if (session.output.length > 40) session.output.shift();
    }
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);

  let exited;
  session.serverExited.then((r) => { exited = r; });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new TryItError(`code-server exited while starting (code ${exited.code}, signal ${exited.signal})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = e.cause?.code || e.message;
    }
    await sleep(200);
  }
  throw new TryItError(`code-server did not answer on 127.0.0.1:${port} within ${SERVER_START_TIMEOUT_MS / 1000} s (last: ${lastError})`);
}

/** A path as a vscode-remote URI on this code-server (keeps '/', escapes the rest). */
function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench address: the folder, and (dev mode) the repository as extension development path. */
function workbenchUrl(port, opts) {
  const payload = [];
  if (!opts.vsix) payload.push(['extensionDevelopmentPath', remoteUri(port, REPO_DIR)]);
  const file = path.join(opts.folder, FILE_TO_OPEN);
  if (fs.existsSync(file)) payload.push(['openFile', remoteUri(port, file)]);
  payload.push(['skipWelcome', 'true']);
  // The folder keeps its slashes so the printed address stays readable; the payload must be escaped.
  const folder = encodeURIComponent(opts.folder).replace(/%2F/gi, '/');
  return `http://127.0.0.1:${port}/?folder=${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// ------------------------------------------------------------------ --check
async function checkActivation(session, url, opts) {
  const pw = loadPlaywright();
  if (!fs.existsSync(CHROMIUM)) throw new TryItError(`${CHROMIUM} not found; run: bash scripts/e2e/install.sh`);
  log(`loading the workbench in headless Chromium (${CHROMIUM})`);
  session.browser = await pw.chromium.launch({
    executablePath: CHROMIUM, headless: true, timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    env: { ...process.env, TMPDIR: path.join(session.tmpDir, 'tmp'),
      XDG_CONFIG_HOME: path.join(session.tmpDir, 'xdg-config'), XDG_CACHE_HOME: path.join(session.tmpDir, 'xdg-cache') },
  });
  const page = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const deadline = Date.now() + opts.timeoutMs;
  const remaining = () => Math.max(1000, deadline - Date.now());

  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: remaining() });
  const status = page.locator('.part.statusbar .statusbar-item', { hasText: STATUS_READY }).first();
  try {
    await status.waitFor({ state: 'visible', timeout: remaining() });
  } catch {
    const seen = await page.locator('.part.statusbar').innerText().catch(() => '');
    throw new TryItError(`the extension did not activate within ${opts.timeoutMs} ms: no "<N> patterns" status bar item `
      + `(status bar: ${JSON.stringify(seen.replace(/\s+/g, ' ').trim())})`);
  }
  const statusText = (await status.innerText()).replace(/\s+/g, ' ').trim();
  log(`status bar: "${statusText}"`);

  if (fs.existsSync(path.join(opts.folder, FILE_TO_OPEN))) {
    // The view is contributed with `when: commonsPatterns.active`: its header exists once the extension runs.
    const header = page.locator('.pane-header', { hasText: /Pattern Sections/i }).first();
    try {
      await header.waitFor({ state: 'visible', timeout: remaining() });
    } catch {
      throw new TryItError('the status bar item is there but the Explorer has no "Pattern Sections" view');
    }
    log('Explorer shows the "Pattern Sections" view');
    // With the pattern open, the view lists its groups and sections (the server's section outline).
    await page.locator('.tab', { hasText: FILE_TO_OPEN }).first().waitFor({ timeout: remaining() })
      .catch(() => { throw new TryItError(`${FILE_TO_OPEN} did not open in an editor`); });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const row = page.locator('.pane', { has: header }).locator('.monaco-list-row', { hasText: /\S/ }).first();
    await row.waitFor({ state: 'visible', timeout: remaining() })
      .catch(() => { throw new TryItError(`the "Pattern Sections" view lists nothing for ${FILE_TO_OPEN}`); });
    log(`Pattern Sections: "${(await row.innerText()).replace(/\s+/g, ' ').trim()}"`);
  }
  return statusText;
}

function loadPlaywright() {
  try {
    return createRequire(path.join(CACHE_DIR, 'package.json'))('playwright-core');
  } catch (e) {
    throw new TryItError(`cannot load playwright-core from ${CACHE_DIR} (${e.message}); run: bash scripts/e2e/install.sh`);
  }
}

// ------------------------------------------------------------------ main
async function serve(session, opts) {
  requireCodeServer();
  let port = opts.port ?? (opts.check ? 0 : DEFAULT_PORT);
  if (port === 0) port = await freePort();
  else if (!(await portIsFree(port))) {
    throw new TryItError(`port ${port} on 127.0.0.1 is in use; pick another with --port <N> (or --port 0 for any free port)`);
  }
  session.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-try-it-'));
  await startCodeServer(session, opts, port);
  const url = workbenchUrl(port, opts);
  const what = opts.vsix ? `the packaged extension ${path.basename(opts.vsix)}` : `the extension from ${REPO_DIR}`;

  if (opts.check) {
    const statusText = await checkActivation(session, url, opts);
    process.stdout.write(`OK: ${what} activated on ${opts.folder} (status bar: "${statusText}")\n`);
    return 0;
  }

  process.stdout.write([
    '',
    `VS Code (code-server) is serving ${opts.folder}`,
    `with ${what} loaded.`,
    '',
    `Open ${url}`,
    'in your browser.',
    '(It listens on 127.0.0.1 only; from another machine, forward the port: ssh -L ' + `${port}:127.0.0.1:${port} <this host>.)`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'));
  const ended = await session.serverExited;
  throw new TryItError(`code-server stopped (code ${ended.code}, signal ${ended.signal})`);
}

async function main(session) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`try-it: ${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (opts.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const useCodeServer = opts.codeServer || opts.check || opts.vsix !== undefined;
  const code = useCodeServer ? undefined : desktopCode();
  if (code) return openInDesktop(code, opts);
  return serve(session, opts);
}

const session = createSession();
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping code-server`);
    const code = 128 + (os.constants.signals[signal] ?? 2);
    setTimeout(() => process.exit(code), 20_000).unref();
    shutdown(session).finally(() => process.exit(code));
  });
}
// Last resort: never leave code-server running behind us.
process.on('exit', () => {
  if (session.server) { try { process.kill(-session.server.pid, 'SIGKILL'); } catch { /* already gone */ } }
});

let exitCode = 1;
try {
  exitCode = await main(session);
} catch (e) {
  if (!stopping) {
    process.stderr.write(`try-it: ${e instanceof TryItError ? e.message : (e?.stack ?? String(e))}\n`);
    if (session.output.length) process.stderr.write(`last lines of code-server output:\n${session.output.map((l) => '  | ' + l).join('\n')}\n`);
  }
  exitCode = 1;
}
if (!stopping) {
  await shutdown(session);
  process.exit(exitCode);
}
