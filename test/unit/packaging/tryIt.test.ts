import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerMissing, EXAMPLE_LIBRARY, runNode, TRY_IT } from './packagingHelpers';

/**
 * scripts/try-it.mjs is the quick start (`npm start`). Its --check mode serves the folder with
 * code-server, loads the workbench once in headless Chromium and exits 0 only when the extension's
 * status bar item ("<N> patterns") and the "Pattern Sections" view (listing the opened pattern's
 * groups and sections) appeared.
 */

/** True when code-server is there; otherwise says loudly why the test did not run. */
function requireCodeServer(t: TestContext): boolean {
  const missing = codeServerMissing();
  if (!missing) return true;
  const message = `NOT RUN: ${missing}. npm test installs it in its e2e step; run that installer before the unit tests to include this test.`;
  console.warn(`[tryIt.test] ${message}`);
  t.diagnostic(message);
  t.skip(message);
  return false;
}

test('try-it --check opens the example library with the extension activated', { timeout: 300_000 }, async (t) => {
  if (!requireCodeServer(t)) return;
  const result = await runNode([TRY_IT, '--check', EXAMPLE_LIBRARY], 280_000);
  assert.equal(result.code, 0, `try-it --check failed:\n${result.stderr}`);
  assert.match(result.stdout, /^OK: the extension from .* activated on .*library \(status bar: "\d+ patterns?\b.*"\)$/m);
  assert.match(result.stderr, /Explorer shows the "Pattern Sections" view/);
  // therapeutic-relationship-building.md opened beside the folder: the view lists its first frontmatter group.
  assert.match(result.stderr, /^\[try-it\] Pattern Sections: "Group 1: Core Identity"$/m);
});

test('try-it --check fails when the extension does not activate (a folder without Markdown files)', { timeout: 120_000 }, async (t) => {
  if (!requireCodeServer(t)) return;
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-empty-'));
  try {
    const result = await runNode([TRY_IT, '--check', '--timeout-ms', '10000', empty], 110_000);
    assert.equal(result.code, 1, `expected exit 1, got ${result.code}:\n${result.stdout}${result.stderr}`);
    assert.match(result.stderr, /the extension did not activate within 10000 ms: no "<N> patterns" status bar item/);
    assert.doesNotMatch(result.stdout, /^OK:/m);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('try-it stops with a clear message when its port is taken', { timeout: 60_000 }, async (t) => {
  if (!requireCodeServer(t)) return;
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as net.AddressInfo;
  try {
    const result = await runNode([TRY_IT, '--code-server', '--port', String(port), EXAMPLE_LIBRARY], 50_000);
    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes(`try-it: port ${port} on 127.0.0.1 is in use; pick another with --port <N> (or --port 0 for any free port)`), result.stderr);
  } finally {
    blocker.close();
  }
});

test('try-it rejects bad arguments with exit 2 and its usage', async () => {
  const unknown = await runNode([TRY_IT, '--no-such-option'], 30_000);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^try-it: unknown option: --no-such-option$/m);
  assert.match(unknown.stderr, /^usage: node scripts\/try-it\.mjs \[folder\]/m);

  const badPort = await runNode([TRY_IT, '--port', '70000'], 30_000);
  assert.equal(badPort.code, 2);
  assert.match(badPort.stderr, /^try-it: --port must be a port number \(0-65535\), got 70000$/m);

  const missingFolder = path.join(os.tmpdir(), 'commons-patterns-no-such-folder', 'library');
  const noFolder = await runNode([TRY_IT, missingFolder], 30_000);
  assert.equal(noFolder.code, 2);
  assert.ok(noFolder.stderr.includes(`try-it: ${missingFolder}: not a folder`), noFolder.stderr);
});
