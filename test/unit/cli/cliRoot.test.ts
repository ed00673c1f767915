import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture, runCli, type JsonReport } from './cliProcess';

// --root: the workspace for cross-file rules is every pattern under the root plus the files checked.

function brokenTargets(report: JsonReport): string[] {
  return report.diagnostics.filter((d) => d.code.startsWith('broken-')).map((d) => `${d.file} ${d.message.match(/'(.*?)'/)?.[1]}`);
}

test('links resolve against the root, not only against the files checked', () => {
  // alpha.md links to beta.md, which is under the root but not checked.
  const report = JSON.parse(runCli(['check', 'alpha.md', '--format', 'json'], fixture('library')).stdout) as JsonReport;
  assert.deepEqual(brokenTargets(report), ['alpha.md gamma-missing', 'alpha.md nowhere-pattern']);
});

test('with another root, the same file has other broken links', () => {
  const report = JSON.parse(runCli(['check', '../library/alpha.md', '--root', '.', '--format', 'json'], fixture('clean')).stdout) as JsonReport;
  assert.deepEqual(brokenTargets(report), ['../library/alpha.md beta', '../library/alpha.md gamma-missing', '../library/alpha.md nowhere-pattern']);
});

test('files checked outside the root join the workspace', () => {
  // alpha and beta link to each other; with both given, neither link is broken whatever the root.
  const report = JSON.parse(runCli(['check', '--root', 'clean', 'library/alpha.md', 'library/beta.md', '--format', 'json'], fixture()).stdout) as JsonReport;
  assert.deepEqual(brokenTargets(report), ['../library/alpha.md gamma-missing', '../library/alpha.md nowhere-pattern']);
  assert.equal(report.files, 2);
});

test('the root defaults to the current folder', () => {
  const fromLibrary = JSON.parse(runCli(['check', 'beta.md', '--format', 'json'], fixture('library')).stdout) as JsonReport;
  assert.deepEqual(fromLibrary.diagnostics, []);
  // From clean/, beta's links to alpha are broken: alpha is not under the current folder.
  const fromClean = JSON.parse(runCli(['check', '../library/beta.md', '--format', 'json'], fixture('clean')).stdout) as JsonReport;
  assert.deepEqual(brokenTargets(fromClean), ['../library/beta.md alpha', '../library/beta.md alpha']);
});

test('a file named twice, or by a folder and by name, is checked once', () => {
  const report = JSON.parse(runCli(['check', 'alpha.md', '.', './alpha.md', '--format', 'json'], fixture('library')).stdout) as JsonReport;
  assert.equal(report.files, 5);
  assert.equal(report.diagnostics.filter((d) => d.file === 'alpha.md').length, 3);
});

test('a root reached through a symbolic link and a file named by its real path are one workspace', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-root-'));
  try {
    fs.mkdirSync(path.join(dir, 'lib'));
    for (const name of ['one.md', 'two.md']) fs.copyFileSync(fixture('clean', name), path.join(dir, 'lib', name));
    fs.symlinkSync('lib', path.join(dir, 'alias'));
    // Without resolving the link, one.md would be indexed twice and get duplicate-slug and duplicate-id.
    const run = runCli(['check', '--root', 'alias', 'lib/one.md', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(run.stdout), { version: 1, files: 1, patterns: 1, diagnostics: [] });
    assert.equal(run.status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
