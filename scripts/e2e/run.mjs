#!/usr/bin/env node
// Runs a VS Code extension test suite (the @vscode/test-electron protocol: an index.js exporting
// run(): Promise<void>) inside a real VS Code: code-server on loopback, driven by Debian's headless
// Chromium through playwright-core. Everything it needs comes from scripts/e2e/install.sh.
//
//   node scripts/e2e/run.mjs --extension <dir> --tests <suite index.js> --workspace <dir> [--timeout-ms N]
//   node scripts/e2e/run.mjs --extension <dir> --workspace <dir> --screenshot-script <module.mjs> [--screenshots <dir>]
//
// Other options: --verbose (stream code-server's own output), --logs-dir <dir> (write VS Code's log
// files there when the suite ends), --keep-temp (keep the temp user-data dir).
// Environment: E2E_CACHE_DIR (default <repo>/.cache/code-server), E2E_CHROMIUM (default /usr/bin/chromium).
// Exit code: the suite's exit code; 0 in screenshot mode on success; 2 on bad usage; 1 on harness errors.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.resolve(SCRIPT_DIR, '..', '..');
const CACHE_DIR = path.resolve(process.env.E2E_CACHE_DIR || path.join(REPO_DIR, '.cache', 'code-server'));
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const SERVER_START_TIMEOUT_MS = 60_000;
const BROWSER_LAUNCH_TIMEOUT_MS = 60_000;
const NAVIGATION_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 300_000;

const t0 = Date.now();
const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const info = (msg) => process.stderr.write(`[e2e ${elapsed()}] ${msg}\n`);

class UsageError extends Error {}
/** An expected failure: printed without a stack trace. */
class HarnessError extends Error {}

// ------------------------------------------------------------------ arguments
function parseArgs(argv) {
  const opts = { timeoutMs: DEFAULT_TIMEOUT_MS, verbose: false, keepTemp: false };
  const valueFlags = {
    '--extension': 'extension', '--tests': 'tests', '--workspace': 'workspace',
    '--screenshots': 'screenshots', '--screenshot-script': 'screenshotScript',
    '--timeout-ms': 'timeoutMs', '--logs-dir': 'logsDir',
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { value = a.slice(eq + 1); a = a.slice(0, eq); }
    if (a === '--help' || a === '-h') { opts.help = true; continue; }
    if (a === '--verbose') { opts.verbose = true; continue; }
    if (a === '--keep-temp') { opts.keepTemp = true; continue; }
    const key = valueFlags[a];
    if (!key) throw new UsageError(`unknown argument: ${argv[i]}`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
    }
    opts[key] = value;
  }
  if (opts.help) return opts;
  if (!opts.extension) throw new UsageError('--extension <dir> is required');
  if (!opts.workspace) throw new UsageError('--workspace <dir> is required');
  if (!opts.tests && !opts.screenshotScript) throw new UsageError('give --tests <index.js> or --screenshot-script <module>');
  if (opts.tests && opts.screenshotScript) throw new UsageError('--tests and --screenshot-script are exclusive');
  opts.timeoutMs = Number(opts.timeoutMs);
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new UsageError('--timeout-ms must be a positive number');
  opts.extension = path.resolve(opts.extension);
  opts.workspace = path.resolve(opts.workspace);
  if (opts.tests) opts.tests = path.resolve(opts.tests);
  if (opts.screenshotScript) {
    opts.screenshotScript = path.resolve(opts.screenshotScript);
    opts.screenshots = path.resolve(opts.screenshots || 'e2e-screenshots');
  }
  if (opts.logsDir) opts.logsDir = path.resolve(opts.logsDir);
  const mustExist = [['--extension', opts.extension, 'dir'], ['--workspace', opts.workspace, 'dir'],
    ['--tests', opts.tests, 'file'], ['--screenshot-script', opts.screenshotScript, 'file']];
  for (const [flag, p, kind] of mustExist) {
    if (!p) continue;
    let st;
    try { st = fs.statSync(p); } catch { throw new UsageError(`${flag} ${p}: does not exist`); }
    if (kind === 'dir' && !st.isDirectory()) throw new UsageError(`${flag} ${p}: not a directory`);
    if (kind === 'file' && !st.isFile()) throw new UsageError(`${flag} ${p}: not a file`);
  }
  if (!fs.existsSync(path.join(opts.extension, 'package.json'))) {
    throw new UsageError(`--extension ${opts.extension}: no package.json there`);
  }
  return opts;
}

const USAGE = `usage:
  node scripts/e2e/run.mjs --extension <extension dir> --tests <compiled suite index.js> --workspace <folder> [--timeout-ms N]
  node scripts/e2e/run.mjs --extension <extension dir> --workspace <folder> --screenshot-script <module.mjs> [--screenshots <dir>] [--timeout-ms N]
options: --verbose  --logs-dir <dir>  --keep-temp
(run scripts/e2e/install.sh first)`;

// ------------------------------------------------------------------ helpers
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new HarnessError(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A path as the vscode-remote URI path component (keeps '/', escapes the rest). */
function remoteUri(port, absPath) {
  const p = absPath.split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${p}`;
}

/** Turns a codeAutomationLog call (level, args) into printable text (console.log-style formatting). */
function formatAutomationLog(level, args) {
  const parts = Array.isArray(args) ? args : [args];
  return util.format(...parts);
}

// ------------------------------------------------------------------ state + cleanup
const state = { signal: null, server: null, serverExited: null, browser: null, tmpDir: null, keepTemp: false, cleaning: null };

async function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    if (state.browser) {
      const b = state.browser;
      state.browser = null;
      await withTimeout(b.close(), SHUTDOWN_TIMEOUT_MS, 'closing chromium').catch((e) => info(`warning: ${e.message}`));
    }
    if (state.server && state.server.exitCode === null && state.server.signalCode === null) {
      const pid = state.server.pid;
      const killGroup = (sig) => { try { process.kill(-pid, sig); } catch { /* gone */ } };
      killGroup('SIGTERM');
      const exited = await Promise.race([state.serverExited.then(() => true), sleep(5000).then(() => false)]);
      if (!exited) { info('code-server did not stop on SIGTERM; sending SIGKILL'); }
      killGroup('SIGKILL'); // also reaps any extension host / pty host left in the group
    } else if (state.server) {
      try { process.kill(-state.server.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (state.tmpDir && !state.keepTemp) {
      try { fs.rmSync(state.tmpDir, { recursive: true, force: true }); } catch { /* ignore */ }
    } else if (state.tmpDir) {
      info(`kept temp dir ${state.tmpDir}`);
    }
  })();
  return state.cleaning;
}

// Last resort if the process exits some other way: never leave code-server behind.
process.on('exit', () => {
  if (state.server && state.server.pid) { try { process.kill(-state.server.pid, 'SIGKILL'); } catch { /* gone */ } }
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    info(`received ${sig}, shutting down`);
    state.signal = sig;
    const code = 128 + (os.constants.signals[sig] || 2);
    const hard = setTimeout(() => process.exit(code), SHUTDOWN_TIMEOUT_MS + 6000);
    hard.unref();
    cleanup().finally(() => process.exit(code));
  });
}

// ------------------------------------------------------------------ code-server
function writeSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    // Edits made by a suite or a screenshot script stay in the editor; the browser build would auto-save them.
    'files.autoSave': 'off',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'security.workspace.trust.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.fetchOnlinePackageInfo': false,
    'chat.commandCenter.enabled': false,
    'files.watcherExclude': { '**/node_modules/**': true, '**/.git/**': true, '**/.cache/**': true },
  };
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

async function startCodeServer(opts, port) {
  const entry = path.join(CACHE_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(CACHE_DIR, '.e2e-installed'))) {
    throw new HarnessError(`code-server is not installed in ${CACHE_DIR}; run: bash scripts/e2e/install.sh`);
  }
  const userDataDir = path.join(state.tmpDir, 'user-data');
  const extensionsDir = path.join(state.tmpDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeSettings(userDataDir);
  const configFile = path.join(state.tmpDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n'); // keeps code-server off ~/.config/code-server

  // Suites may `require('mocha')` from the repo's node_modules or from the cache folder. NODE_PATH
  // alone is not enough: VS Code's extension host drops global lookup paths, so resolve-fallback.cjs
  // (preloaded through NODE_OPTIONS) adds the same folders back as a last resort, in the extension host only.
  const moduleDirs = [path.join(REPO_DIR, 'node_modules'), path.join(CACHE_DIR, 'node_modules')]
    .filter((p) => fs.existsSync(p));
  const nodePath = [...moduleDirs];
  if (process.env.NODE_PATH) nodePath.push(process.env.NODE_PATH);
  const preload = path.join(SCRIPT_DIR, 'resolve-fallback.cjs');
  const env = {
    ...process.env,
    NODE_PATH: nodePath.join(path.delimiter),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --require "${preload.replace(/(["\\])/g, '\\$1')}"`.trim(),
    E2E_FALLBACK_NODE_MODULES: moduleDirs.join(path.delimiter),
    E2E_NODE_MODULES: path.join(CACHE_DIR, 'node_modules'),
    E2E_WORKSPACE: opts.workspace,
    DONT_PROMPT_WSL_INSTALL: '1',
    // keep VS Code's machine-wide files (e.g. ~/.cache/Microsoft/DeveloperTools/deviceid) in the temp dir
    XDG_CONFIG_HOME: path.join(state.tmpDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(state.tmpDir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(state.tmpDir, 'xdg-data'),
    // VS Code leaves vscode-ipc-*.sock files in the temp dir when killed: use our own temp dir
    TMPDIR: path.join(state.tmpDir, 'tmp'),
  };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  delete env.VSCODE_IPC_HOOK_CLI; // when launched from a VS Code terminal, don't talk to that VS Code
  delete env.ELECTRON_RUN_AS_NODE;

  const args = [entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    opts.workspace];
  info(`starting code-server on 127.0.0.1:${port}`);
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  state.server = child;
  state.serverExited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const tail = [];
  const keep = (prefix) => (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 60) tail.shift();
      if (opts.verbose) process.stderr.write(`[code-server${prefix}] ${line}\n`);
    }
  };
  child.stdout.on('data', keep(''));
  child.stderr.on('data', keep(':err'));
  state.serverTail = tail;

  // Wait until it answers HTTP.
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let lastErr = '';
  let exited = null;
  state.serverExited.then((r) => { exited = r; });
  while (Date.now() < deadline) {
    if (exited) throw new HarnessError(`code-server exited early (code ${exited.code}, signal ${exited.signal})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) { await res.arrayBuffer(); info(`code-server answers (HTTP ${res.status})`); return; }
      lastErr = `HTTP ${res.status}`;
    } catch (e) {
      lastErr = e.cause?.code || e.message;
    }
    await sleep(200);
  }
  throw new HarnessError(`code-server did not answer on 127.0.0.1:${port} within ${SERVER_START_TIMEOUT_MS} ms (last: ${lastErr})`);
}

// ------------------------------------------------------------------ browser
async function launchBrowser() {
  const req = createRequire(path.join(CACHE_DIR, 'package.json'));
  let pw;
  try { pw = req('playwright-core'); } catch (e) {
    throw new HarnessError(`cannot load playwright-core from ${CACHE_DIR} (${e.message}); run: bash scripts/e2e/install.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new HarnessError(`${CHROMIUM} not found; run: bash scripts/e2e/install.sh`);
  info(`launching ${CHROMIUM} (headless)`);
  const browser = await pw.chromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: BROWSER_LAUNCH_TIMEOUT_MS,
    // run.mjs handles signals itself (cleanup of code-server too); playwright's handlers would exit early.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    // keep chromium's crashpad/config files out of ~/.config and ~/.cache
    env: { ...process.env, TMPDIR: path.join(state.tmpDir, 'tmp'),
      XDG_CONFIG_HOME: path.join(state.tmpDir, 'xdg-config'), XDG_CACHE_HOME: path.join(state.tmpDir, 'xdg-cache') },
  });
  state.browser = browser;
  return browser;
}

// ------------------------------------------------------------------ main
async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`run.mjs: ${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (opts.help) { process.stdout.write(USAGE + '\n'); return 0; }
  state.keepTemp = opts.keepTemp;
  // Watchdog: whatever step might get stuck (a wedged browser call, say), the process still ends.
  const watchdog = setTimeout(() => {
    process.stderr.write(`[e2e ${elapsed()}] ERROR: watchdog: still running ${opts.timeoutMs + 60_000} ms after start; giving up\n`);
    cleanup().finally(() => process.exit(1));
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS + 6000).unref();
  }, opts.timeoutMs + 60_000);
  watchdog.unref();
  state.tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  const mode = opts.screenshotScript ? 'screenshot' : 'test';

  const port = await freePort();
  await startCodeServer(opts, port);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();

  // Fatal conditions that end the wait early.
  let rejectFatal;
  const fatal = new Promise((_, reject) => { rejectFatal = reject; });
  fatal.catch(() => {});
  page.on('crash', () => rejectFatal(new HarnessError('the workbench page crashed')));
  page.on('close', () => rejectFatal(new HarnessError('the workbench page closed before the suite finished')));
  state.serverExited.then((r) => rejectFatal(new HarnessError(`code-server exited (code ${r.code}, signal ${r.signal})`)));
  if (opts.verbose) {
    page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
  }
  page.on('pageerror', (err) => { if (opts.verbose) process.stderr.write(`[browser:pageerror] ${err.message}\n`); });

  let resolveExit;
  const exitCode = new Promise((resolve) => { resolveExit = resolve; });
  let galleryNoted = false;
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = formatAutomationLog(level, args);
    // The workbench cannot reach the extension gallery (open-vsx.org) here: harmless, say so once.
    if (!opts.verbose && /open-vsx\.org/.test(text)) {
      if (!galleryNoted) process.stderr.write('[e2e] (extension gallery open-vsx.org unreachable: harmless, further such errors hidden)\n');
      galleryNoted = true;
      return;
    }
    const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
    stream.write(text.endsWith('\n') ? text : text + '\n');
  });
  let vscodeLogs = [];
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (Array.isArray(logs)) vscodeLogs = logs;
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });

  const payload = [['extensionDevelopmentPath', remoteUri(port, opts.extension)]];
  if (mode === 'test') payload.push(['extensionTestsPath', remoteUri(port, opts.tests)]);
  payload.push(['skipWelcome', 'true']);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}`
    + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  info(`opening the workbench (${mode} mode)`);
  await withTimeout(Promise.race([page.goto(url, { waitUntil: 'domcontentloaded', timeout: NAVIGATION_TIMEOUT_MS }), fatal]),
    NAVIGATION_TIMEOUT_MS + 1000, 'loading the workbench page');

  const remaining = () => Math.max(1000, opts.timeoutMs - (Date.now() - t0));
  if (mode === 'test') {
    info(`waiting for the suite (timeout ${opts.timeoutMs} ms)`);
    let code;
    try {
      code = await withTimeout(Promise.race([exitCode, fatal]), remaining(),
        `waiting for the test suite to report its exit code (overall --timeout-ms ${opts.timeoutMs} reached)`);
    } catch (e) {
      e.message += '\n  (is the suite stuck, or did the extension host fail to start? rerun with --verbose)';
      throw e;
    }
    if (opts.logsDir) writeLogs(opts.logsDir, vscodeLogs);
    info(`suite finished with exit code ${code}`);
    return code;
  }

  // screenshot mode
  fs.mkdirSync(opts.screenshots, { recursive: true });
  info(`running ${path.relative(process.cwd(), opts.screenshotScript) || opts.screenshotScript} (screenshots -> ${opts.screenshots})`);
  const mod = await import(pathToFileURL(opts.screenshotScript).href);
  if (typeof mod.default !== 'function') throw new HarnessError(`${opts.screenshotScript} has no default export function`);
  await withTimeout(Promise.race([
    mod.default({ page, browser, context, workspace: opts.workspace, extension: opts.extension, outDir: opts.screenshots, port }),
    fatal,
  ]), remaining(), 'the screenshot script');
  info('screenshot script finished');
  return 0;
}

function writeLogs(dir, logs) {
  try {
    for (const { relativePath, contents } of logs) {
      const p = path.join(dir, relativePath);
      if (!p.startsWith(dir + path.sep)) continue;
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, contents);
    }
    info(`wrote ${logs.length} VS Code log file(s) to ${dir}`);
  } catch (e) {
    info(`warning: could not write logs: ${e.message}`);
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  const text = state.signal ? `interrupted by ${state.signal}`
    : e instanceof HarnessError ? e.message : (e && e.stack ? e.stack : String(e));
  process.stderr.write(`[e2e ${elapsed()}] ERROR: ${text}\n`);
  if (!state.signal && state.serverTail && state.serverTail.length) {
    process.stderr.write(`[e2e] last lines of code-server output:\n${state.serverTail.map((l) => '  | ' + l).join('\n')}\n`);
  }
  exitCode = 1;
} finally {
  // Never hang in cleanup either.
  await withTimeout(cleanup(), SHUTDOWN_TIMEOUT_MS + 8000, 'shutting down').catch((e) => process.stderr.write(`[e2e] ${e.message}\n`));
}
info(`exit ${exitCode}`);
process.exit(exitCode);
