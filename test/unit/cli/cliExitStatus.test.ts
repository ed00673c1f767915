import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { fixture, REPO_ROOT, runCli } from './cliProcess';

// Exit status: 0 without errors, 1 with at least one error, 2 for bad usage (one line on stderr).

test('a clean library exits 0 with nothing on stderr', () => {
  const run = runCli(['check'], fixture('clean'));
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, 'No problems in 2 files (2 patterns)\n');
});

test('a library with an error-severity diagnostic exits 1', () => {
  const run = runCli(['check'], fixture('library'));
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
});

test('warnings alone exit 0', () => {
  // beta.md links to alpha, which is not in the workspace when the root is clean/: a warning only.
  const run = runCli(['check', '--root', fixture('clean'), fixture('library', 'beta.md')], fixture('clean'));
  assert.equal(run.status, 0, run.stdout);
  assert.ok(run.stdout.endsWith('\n0 errors, 2 warnings, 0 infos, 0 hints in 1 file (1 pattern)\n'), run.stdout);
});

test('a missing PATH exits 2 with one line on stderr and checks nothing', () => {
  const run = runCli(['check', 'foo/', 'beta.md'], fixture('library'));
  assert.equal(run.status, 2);
  assert.equal(run.stderr, 'commons-patterns: no such file or folder: foo/\n');
  assert.equal(run.stdout, '');
});

test('a misspelt option exits 2 and suggests the right one', () => {
  const run = runCli(['check', '--fromat', 'json'], fixture('clean'));
  assert.equal(run.status, 2);
  assert.equal(run.stderr, "commons-patterns: unknown option '--fromat' (did you mean '--format'?)\n");
  assert.equal(run.stdout, '');
});

test('an unknown option far from every known one gets no suggestion', () => {
  const run = runCli(['check', '--quiet-please'], fixture('clean'));
  assert.equal(run.status, 2);
  assert.equal(run.stderr, "commons-patterns: unknown option '--quiet-please'\n");
});

test('an unknown format, a missing value, an unknown command and no command exit 2', () => {
  const cases: Array<[string[], string]> = [
    [['check', '--format', 'jsno'], "unknown format 'jsno' (expected text, json or sarif; did you mean 'json'?)"],
    [['check', '--format'], "option '--format' needs a value (text, json or sarif)"],
    [['chek'], "unknown command 'chek' (did you mean 'check'?)"],
    [[], "missing command (try 'commons-patterns check' or 'commons-patterns --help')"],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args, fixture('clean'));
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stderr, `commons-patterns: ${message}\n`, args.join(' '));
    assert.equal(run.stdout, '');
  }
});

test('a --root that does not exist or is a file exits 2', () => {
  const missing = runCli(['check', '--root', 'nowhere'], fixture('clean'));
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'commons-patterns: no such folder: nowhere\n');
  const file = runCli(['check', '--root', 'one.md'], fixture('clean'));
  assert.equal(file.status, 2);
  assert.equal(file.stderr, 'commons-patterns: --root one.md: not a folder\n');
});

test('a .commons-patterns.json that is not valid JSON exits 2 and names the file', () => {
  const run = runCli(['check'], fixture('bad-settings'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^commons-patterns: \.commons-patterns\.json: invalid JSON: .+\n$/);
  assert.equal(run.stdout, '');
});

test('--help exits 0 and documents the command, the formats, the exit status and the settings file', () => {
  const run = runCli(['--help'], fixture('clean'));
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  for (const text of ['commons-patterns check [PATH...] [--format text|json|sarif] [--root DIR]', '.commons-patterns.json', 'Exit status', 'sarif']) {
    assert.ok(run.stdout.includes(text), `help lacks ${text}`);
  }
  assert.equal(runCli(['check', '--help'], fixture('clean')).stdout, run.stdout);
});

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const run = runCli(['--version'], fixture('clean'));
  assert.equal(run.status, 0);
  assert.equal(run.stdout, `commons-patterns ${version}\n`);
});
