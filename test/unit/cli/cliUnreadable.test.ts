import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliProcess';

// Files that cannot be read: while walking a folder they are reported and skipped; as a PATH
// argument they are a usage error (exit 2). Symbolic links cannot live in the fixtures, so the
// folder is built in a temporary directory.

let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-cli-'));
  fs.writeFileSync(path.join(dir, 'ok.md'), '# Just Markdown\n');
  fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
  fs.symlinkSync('nowhere.md', path.join(dir, 'dangling.md'));
  // A folder whose name ends in .md is a folder: walked, not read.
  fs.mkdirSync(path.join(dir, 'folder.md'));
  fs.writeFileSync(path.join(dir, 'folder.md', 'inner.md'), '# Inner\n');
  fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'readme.md'), '---\nslug: [broken\n---\n');
});

after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('unreadable files met while walking are reported on stderr, skipped, and do not change the exit status', () => {
  const run = runCli(['check'], dir);
  assert.equal(run.stderr, [
    'commons-patterns: dangling.md: cannot read: no such file or folder',
    'commons-patterns: loop-a.md: cannot read: too many levels of symbolic links',
    'commons-patterns: loop-b.md: cannot read: too many levels of symbolic links',
    '',
  ].join('\n'));
  // ok.md and folder.md/inner.md; node_modules is not searched.
  assert.equal(run.stdout, 'No problems in 2 files (0 patterns)\n');
  assert.equal(run.status, 0);
});

test('an unreadable or missing PATH argument is a usage error', () => {
  const loop = runCli(['check', 'loop-a.md', 'ok.md'], dir);
  assert.equal(loop.status, 2);
  assert.equal(loop.stderr, 'commons-patterns: loop-a.md: cannot read: too many levels of symbolic links\n');
  assert.equal(loop.stdout, '');
  const dangling = runCli(['check', 'dangling.md'], dir);
  assert.equal(dangling.status, 2);
  assert.equal(dangling.stderr, 'commons-patterns: no such file or folder: dangling.md\n');
});

test('every missing PATH is named, one line each', () => {
  const run = runCli(['check', 'a.md', 'ok.md', 'b/'], dir);
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'commons-patterns: no such file or folder: a.md\ncommons-patterns: no such file or folder: b/\n');
});

test('a file without read permission is reported as permission denied', (t) => {
  if (process.getuid?.() === 0) {
    t.diagnostic('running as root, which reads any file: the permission part of this test did not run');
    return;
  }
  const locked = path.join(dir, 'locked.md');
  fs.writeFileSync(locked, '# Locked\n');
  fs.chmodSync(locked, 0o000);
  try {
    const walked = runCli(['check'], dir);
    assert.ok(walked.stderr.includes('commons-patterns: locked.md: cannot read: permission denied\n'), walked.stderr);
    const named = runCli(['check', 'locked.md'], dir);
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'commons-patterns: locked.md: cannot read: permission denied\n');
  } finally {
    fs.rmSync(locked, { force: true });
  }
});
