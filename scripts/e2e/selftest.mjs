#!/usr/bin/env node
// Self-test of the e2e harness: runs scripts/e2e/run.mjs on test/e2e/harness/sample-extension
//   1. the passing suite            -> exit code 0
//   2. HARNESS_SAMPLE_FAIL=1        -> exit code 1
//   3. screenshot mode (example)    -> a PNG file
// and ends with "N passed, N failed". Needs scripts/e2e/install.sh to have run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.resolve(SCRIPT_DIR, '..', '..');
const RUN = path.join(SCRIPT_DIR, 'run.mjs');
const EXT = path.join(REPO_DIR, 'test', 'e2e', 'harness', 'sample-extension');
const WS = path.join(REPO_DIR, 'test', 'e2e', 'harness', 'sample-workspace');
const SUITE = path.join(EXT, 'suite', 'index.js');

function run(args, env = {}) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [RUN, ...args], {
    stdio: 'inherit', env: { ...process.env, ...env }, timeout: 240_000, killSignal: 'SIGTERM',
  });
  return { code: r.status, secs: ((Date.now() - t) / 1000).toFixed(1), error: r.error };
}

const results = [];
function check(name, ok, detail) {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name} (${detail})`);
}

let r = run(['--extension', EXT, '--tests', SUITE, '--workspace', WS, '--timeout-ms', '120000'], { HARNESS_SAMPLE_FAIL: '' });
check('passing suite exits 0', r.code === 0, `exit ${r.code}, ${r.secs}s`);

r = run(['--extension', EXT, '--tests', SUITE, '--workspace', WS, '--timeout-ms', '120000'], { HARNESS_SAMPLE_FAIL: '1' });
check('failing suite exits 1', r.code === 1, `exit ${r.code}, ${r.secs}s`);

const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-selftest-shots-'));
r = run(['--extension', EXT, '--workspace', WS, '--screenshot-script', path.join(SCRIPT_DIR, 'screenshot-example.mjs'),
  '--screenshots', shots, '--timeout-ms', '120000']);
const png = path.join(shots, 'workbench.png');
const isPng = fs.existsSync(png) && fs.readFileSync(png).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
check('screenshot mode writes a PNG', r.code === 0 && isPng, `exit ${r.code}, ${isPng ? fs.statSync(png).size + ' bytes' : 'no PNG'}, ${r.secs}s`);
fs.rmSync(shots, { recursive: true, force: true });

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
