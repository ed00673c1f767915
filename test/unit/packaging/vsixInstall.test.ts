import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerMissing, EXAMPLE_LIBRARY, REPO_ROOT, runNode, TRY_IT } from './packagingHelpers';

/**
 * The .vsix installs into VS Code and works there: packs the current build with vsce (its `pack`,
 * which is `vsce package` without the prepublish build: npm test has just built), installs it into
 * an empty extensions folder of code-server (`--install-extension`), opens the example library
 * without any development extension and waits for the extension's status bar item.
 */
const PACK_SCRIPT = `require(${JSON.stringify(path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'out', 'package.js'))})
  .pack({ cwd: process.argv[1], packagePath: process.argv[2], dependencies: false })
  .catch((error) => { console.error(error && error.message ? error.message : String(error)); process.exit(1); });`;

test('the packaged .vsix installs into code-server and activates on the example library', { timeout: 300_000 }, async (t) => {
  const missing = codeServerMissing();
  if (missing) {
    const message = `NOT RUN: ${missing}. npm test installs it in its e2e step; run that installer before the unit tests to include this test.`;
    console.warn(`[vsixInstall.test] ${message}`);
    t.diagnostic(message);
    t.skip(message);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-vsix-'));
  const vsix = path.join(dir, 'commons-patterns.vsix');
  try {
    const packed = await runNode(['-e', PACK_SCRIPT, REPO_ROOT, vsix], 120_000);
    assert.equal(packed.code, 0, `vsce pack failed:\n${packed.stderr}${packed.stdout}`);
    assert.ok(fs.statSync(vsix).size > 0);
    const result = await runNode([TRY_IT, '--check', '--vsix', vsix, EXAMPLE_LIBRARY], 280_000);
    assert.equal(result.code, 0, `try-it --check --vsix failed:\n${result.stderr}`);
    assert.match(result.stderr, /^\[try-it\] installed: commons-patterns\.commons-patterns-\d+\.\d+\.\d+$/m);
    assert.match(result.stdout, /^OK: the packaged extension commons-patterns\.vsix activated on .*library \(status bar: "\d+ patterns?\b.*"\)$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
