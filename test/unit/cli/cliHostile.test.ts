import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type JsonReport } from './cliProcess';
import {
  aliasBomb, binaryGarbage, deepFlow, emptyDocument, longFrontmatter, nulAndReplacement, onlyFence, tenMegabytes,
  validPatternText,
} from '../../protocol/hostileDocuments';

// Every hostile file of the hardening issue in one folder, next to an ordinary pattern: the checker
// reports each with a message and the right exit status, and still checks the ordinary file.
let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-cli-hostile-'));
  for (const doc of [aliasBomb(), tenMegabytes(), longFrontmatter(100_000), deepFlow(10_000), nulAndReplacement(), emptyDocument(), onlyFence(), binaryGarbage()]) {
    fs.writeFileSync(path.join(dir, doc.file), doc.text);
  }
  fs.writeFileSync(path.join(dir, 'plain.md'), validPatternText('plain', 'pat_01m8h8hpk7ecw9c0evnejqjzjz'));
  fs.writeFileSync(path.join(dir, 'invalid-utf8.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x73, 0x6c, 0x75, 0x67, 0x3a, 0x20, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
  fs.mkdirSync(path.join(dir, 'folder.md'));
  fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('hostile files: each is reported, unreadable ones on stderr, and the ordinary pattern is still checked', () => {
  const run = runCli(['check', '--format', 'json'], dir);
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr, [
    'commons-patterns: loop-a.md: cannot read: too many levels of symbolic links',
    'commons-patterns: loop-b.md: cannot read: too many levels of symbolic links',
    '',
  ].join('\n'));
  const report = JSON.parse(run.stdout) as JsonReport;
  const codesOf = (file: string) => [...new Set(report.diagnostics.filter((d) => d.file === file).map((d) => d.code))].sort();
  assert.deepEqual(codesOf('hostile-bomb.md'), ['yaml-syntax']);
  assert.deepEqual(codesOf('hostile-deep-flow.md'), ['yaml-syntax']);
  // 100,000 unknown keys: 500 warnings and one that counts the rest.
  assert.equal(report.diagnostics.filter((d) => d.file === 'hostile-long-frontmatter.md' && d.code === 'schema').length, 501);
  // The 10 MB file is an ordinary pattern under a long body.
  assert.deepEqual(codesOf('hostile-huge.md'), codesOf('plain.md'));
  for (const diagnostic of report.diagnostics) {
    assert.ok(diagnostic.message.length > 0 && !/undefined|\[object/.test(diagnostic.message), JSON.stringify(diagnostic));
  }
});

test('hostile files: the text format names each finding and ends with the summary line', () => {
  const run = runCli(['check', 'hostile-bomb.md', 'hostile-deep-flow.md'], dir);
  assert.equal(run.status, 1);
  const lines = run.stdout.trim().split('\n');
  assert.match(lines[0], /^hostile-bomb\.md:\d+:\d+ error yaml-syntax /);
  assert.match(lines[lines.length - 1], /^2 errors, 0 warnings, 0 infos, 0 hints in 2 files \(2 patterns\)$/);
});
