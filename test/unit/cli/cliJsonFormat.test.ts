import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, runCli, type JsonReport } from './cliProcess';

// --format json: one object, LSP ranges (0-based, UTF-16), file paths relative to --root with forward slashes.

function range(line: number, start: number, endLine: number, end: number) {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

const LIBRARY_REPORT = {
  version: 1,
  files: 5,
  patterns: 4,
  diagnostics: [
    { file: 'alpha.md', range: range(23, 16, 23, 17), severity: 'error', code: 'score-out-of-range', message: 'resilience is 7; scores range from 0 to 5' },
    { file: 'alpha.md', range: range(42, 12, 42, 25), severity: 'warning', code: 'broken-relationship', message: "No pattern with slug 'gamma-missing' in the workspace" },
    { file: 'alpha.md', range: range(50, 14, 50, 29), severity: 'warning', code: 'broken-inferred-link', message: "No pattern with slug 'nowhere-pattern' in the workspace" },
    {
      file: 'legacy.md',
      range: range(4, 0, 4, 14),
      severity: 'information',
      code: 'legacy-schema',
      message: "Legacy v1 pattern ('classification' without 'ontology'): indexed for links, not checked against the v7.1 format",
    },
    { file: 'sub/broken.md', range: range(5, 2, 5, 16), severity: 'error', code: 'yaml-syntax', message: 'Invalid YAML: Missing , between flow map items' },
  ],
};

test('the library fixture as JSON', () => {
  const run = runCli(['check', '--format', 'json'], fixture('library'));
  assert.equal(run.status, 1);
  assert.equal(run.stderr, '');
  assert.ok(run.stdout.endsWith('}\n'));
  assert.deepEqual(JSON.parse(run.stdout), LIBRARY_REPORT);
});

test('JSON paths are relative to --root whatever the current folder, and --format=json works too', () => {
  const run = runCli(['check', 'library', '--root', 'library', '--format=json'], fixture());
  assert.deepEqual(JSON.parse(run.stdout), LIBRARY_REPORT);
});

test('a file outside the root is named with ../ and forward slashes', () => {
  const run = runCli(['check', '--root', 'clean', '--format', 'json', 'library/sub/broken.md'], fixture());
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.diagnostics.map((d) => d.file), ['../library/sub/broken.md']);
  assert.equal(report.files, 1);
  assert.equal(report.patterns, 1);
});

test('a clean run has an empty diagnostics list', () => {
  const run = runCli(['check', '--format', 'json'], fixture('clean'));
  assert.equal(run.status, 0);
  assert.deepEqual(JSON.parse(run.stdout), { version: 1, files: 2, patterns: 2, diagnostics: [] });
});
