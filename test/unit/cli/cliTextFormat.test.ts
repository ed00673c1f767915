import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, runCli } from './cliProcess';

// The text format: `path:line:col severity code message`, 1-based, paths relative to the current folder.

const LIBRARY_LINES = [
  'alpha.md:24:17 error score-out-of-range resilience is 7; scores range from 0 to 5',
  "alpha.md:43:13 warning broken-relationship No pattern with slug 'gamma-missing' in the workspace",
  "alpha.md:51:15 warning broken-inferred-link No pattern with slug 'nowhere-pattern' in the workspace",
  "legacy.md:5:1 information legacy-schema Legacy v1 pattern ('classification' without 'ontology'): indexed for links, not checked against the v7.1 format",
  'sub/broken.md:6:3 error yaml-syntax Invalid YAML: Missing , between flow map items',
];
const LIBRARY_SUMMARY = '2 errors, 2 warnings, 1 info, 0 hints in 5 files (4 patterns)';

test('the library fixture prints one line per diagnostic, sorted by file and position, then the summary', () => {
  const run = runCli(['check'], fixture('library'));
  assert.equal(run.stdout, [...LIBRARY_LINES, LIBRARY_SUMMARY, ''].join('\n'));
});

test('paths are relative to the current folder, not to the root', () => {
  const run = runCli(['check', 'library', '--root', 'library'], fixture());
  assert.equal(run.stdout, [...LIBRARY_LINES.map((line) => `library/${line}`), LIBRARY_SUMMARY, ''].join('\n'));
});

test('checking one file of the library reports only that file, against the whole root', () => {
  // beta.md resolves: it is in the root; alpha's own links are judged against the same root.
  const run = runCli(['check', 'alpha.md'], fixture('library'));
  assert.equal(run.stdout, [...LIBRARY_LINES.slice(0, 3), '1 error, 2 warnings, 0 infos, 0 hints in 1 file (1 pattern)', ''].join('\n'));
  assert.equal(run.status, 1);
});

test('a file without frontmatter counts as a file but not as a pattern', () => {
  const run = runCli(['check', 'notes.md'], fixture('library'));
  assert.equal(run.stdout, 'No problems in 1 file (0 patterns)\n');
  assert.equal(run.status, 0);
});

test('dot-folders are not searched', () => {
  const run = runCli(['check', '.'], fixture('library'));
  assert.ok(!run.stdout.includes('skipped.md'), run.stdout);
  assert.ok(!run.stdout.includes('.hidden'), run.stdout);
});
