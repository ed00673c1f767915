import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { nodeRange, parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { isScalar, nodeAtPath } from '../../../server/src/core/document/yamlPath';
import { scanTitleRange } from '../../../server/src/core/features/titleLineScan';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

/** The title range from a full parse, as definition.ts computes it for a title scalar. */
function parsedTitleRange(text: string) {
  const doc = parsePatternDocument('file:///workspace/x.md', text);
  const title = nodeAtPath(doc.yaml, ['title']);
  return isScalar(title) && title.range ? nodeRange(doc, title) : undefined;
}

test('finds one-line titles exactly where the parse puts them', () => {
  const cases: Array<[string, ReturnType<typeof range>]> = [
    ['---\nslug: a\ntitle: Plain Title\n---\n', range(2, 7, 18)],
    ['---\nslug: a\ntitle: "Quoted \\" Title"  # note\n---\n', range(2, 7, 24)],
    ["---\r\nslug: a\r\ntitle:   'It''s'\r\n---\r\nbody\r\n", range(2, 9, 16)],
    ['---\ntitle: Emoji 🌱 then#not a comment # but this is\n---\n', range(1, 7, 34)],
    ['---\ntitle: Trailing spaces   \t\nnested:\n  title: Inner\n---\n', range(1, 7, 22)],
  ];
  for (const [text, want] of cases) {
    assert.deepEqual(scanTitleRange(text), want, text);
    assert.deepEqual(parsedTitleRange(text), want, text);
  }
});

test('leaves every uncertain case to the full parse', () => {
  for (const text of [
    '---\ntitle: >\n  Folded\n---\n',
    '---\ntitle: Two\n  lines\n---\n',
    '---\ntitle: Then an indented comment\n  # that the scan does not interpret\n---\n',
    '---\ntitle: "open\n  quote"\n---\n',
    '---\ntitle: &anchor Anchored\n---\n',
    '---\ntitle: One\ntitle: Twice\n---\n',
    '---\ntitle:\n---\n',
    '---\ntitle: a: b\n---\n',
    '---\nslug: a\rtitle: Lone CR\n---\n',
    '---\ntitle: Unclosed frontmatter\n',
    'no frontmatter\ntitle: x\n',
    '---\n"title": Quoted key\n---\n',
  ]) assert.equal(scanTitleRange(text), undefined, JSON.stringify(text));
});

test('agrees with the full parse on every fixture file it scans', () => {
  const fixtures = path.resolve(__dirname, '../../../../test/fixtures');
  let scanned = 0;
  for (const name of fs.readdirSync(fixtures, { recursive: true }).map(String).filter((n) => n.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(fixtures, name), 'utf8').replace(/^\uFEFF/, '');
    const scan = scanTitleRange(text);
    if (scan === undefined) continue;
    scanned++;
    assert.deepEqual(scan, parsedTitleRange(text), name);
  }
  assert.ok(scanned >= 20, `only ${scanned} fixture files had a scannable title`);
});
