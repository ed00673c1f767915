import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { fixture, runCli, type JsonReport } from './cliProcess';

// unicode.md starts with a byte-order mark, has CRLF line breaks and non-BMP characters (two
// UTF-16 code units each) before and inside relationship targets.

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

test('the fixture really has a BOM, CRLF line breaks and non-BMP characters', () => {
  const text = fs.readFileSync(fixture('unicode', 'unicode.md'), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff);
  assert.ok(text.includes('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
  assert.ok(text.split('\r\n')[37].startsWith('  enables: ["🌱🌱", "gamma-missing"]'));
});

test('JSON positions are exact UTF-16 LSP positions; the BOM is not a column, as in an editor', () => {
  const run = runCli(['check', '--format', 'json'], fixture('unicode'));
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as JsonReport;
  const found = report.diagnostics.map((d) => ({ range: d.range, code: d.code, target: d.message.match(/'(.*?)'/)?.[1] }));
  assert.deepEqual(found, [
    // The missing `summary` is reported on the opening fence: `---` is characters 0–3 of line 0.
    { range: range(0, 0, 3), code: 'schema', target: 'summary' },
    // `  enables: ["🌱🌱", ...` — the quoted target spans 1 + 4 + 1 code units from character 12.
    { range: range(37, 12, 18), code: 'broken-relationship', target: '🌱🌱' },
    { range: range(37, 12, 18), code: 'schema', target: '🌱🌱' },
    { range: range(37, 20, 35), code: 'broken-relationship', target: 'gamma-missing' },
    // `    - target: "𝔘nknown"` — 𝔘 is one code point, two code units.
    { range: range(44, 14, 24), code: 'broken-inferred-link', target: '𝔘nknown' },
    { range: range(44, 14, 24), code: 'schema', target: '𝔘nknown' },
  ]);
});

test('text columns count UTF-16 code units, plus one', () => {
  const run = runCli(['check'], fixture('unicode'));
  const lines = run.stdout.split('\n');
  assert.ok(lines.includes("unicode.md:38:21 warning broken-relationship No pattern with slug 'gamma-missing' in the workspace"), run.stdout);
  assert.ok(lines.includes("unicode.md:1:1 error schema Missing required key 'summary' in the top level"), run.stdout);
});
