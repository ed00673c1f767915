import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, runCli, type JsonReport } from './cliProcess';

// settings/.commons-patterns.json: exclude drafts/**, broken-relationship -> error, legacy-schema off,
// and a misspelt code that must be warned about.

const WARNING = "commons-patterns: .commons-patterns.json: unknown rule code 'broken-relationshp' in 'severity' (did you mean 'broken-relationship'?)\n";

test('severity overrides apply, a rule turned off reports nothing, excluded folders are not walked', () => {
  const run = runCli(['check'], fixture('settings'));
  assert.equal(run.stdout, [
    "linker.md:44:13 error broken-relationship No pattern with slug 'absent' in the workspace",
    "linker.md:49:15 warning broken-inferred-link No pattern with slug 'absent' in the workspace",
    '1 error, 1 warning, 0 infos, 0 hints in 2 files (2 patterns)',
    '',
  ].join('\n'));
  assert.equal(run.status, 1, 'the overridden severity decides the exit status');
  assert.equal(run.stderr, WARNING);
});

test('an excluded file named on the command line is checked all the same', () => {
  const run = runCli(['check', 'drafts/draft.md', '--format', 'json'], fixture('settings'));
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.diagnostics.map((d) => [d.file, d.code, d.range.start.line]), [['drafts/draft.md', 'yaml-syntax', 5]]);
  assert.equal(run.status, 1);
});

test('the settings file is read from --root, not from the current folder', () => {
  const run = runCli(['check', '--root', 'settings', 'settings', '--format', 'json'], fixture());
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.diagnostics.map((d) => [d.file, d.code, d.severity]), [
    ['linker.md', 'broken-relationship', 'error'],
    ['linker.md', 'broken-inferred-link', 'warning'],
  ]);
  assert.equal(run.stderr, WARNING.replace('.commons-patterns.json', 'settings/.commons-patterns.json'));
  // From the settings folder's parent, without --root, the defaults apply: the draft and the legacy file are checked.
  const defaults = JSON.parse(runCli(['check', 'settings', '--format', 'json'], fixture()).stdout) as JsonReport;
  assert.deepEqual(defaults.diagnostics.map((d) => [d.file, d.code, d.severity]), [
    ['settings/drafts/draft.md', 'yaml-syntax', 'error'],
    ['settings/linker.md', 'broken-relationship', 'warning'],
    ['settings/linker.md', 'broken-inferred-link', 'warning'],
    ['settings/old.md', 'legacy-schema', 'information'],
  ]);
});
