import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { provideFoldingRanges } from '../../../server/src/core/features/foldingRanges';
import { createNavWorkspace, readNavFixtures } from './navWorkspace';

const fold = (startLine: number, endLine: number) => ({ startLine, endLine });
const fixtures = readNavFixtures();

test('folding: frontmatter, groups from banner to last key, multi-line keys, sections up to the rule', () => {
  const ws = createNavWorkspace(fixtures);
  assert.deepEqual(provideFoldingRanges(ws.ctx, ws.doc('emotional-safety.md')), [
    fold(0, 41), // the frontmatter, fence to fence
    fold(1, 9), // Group 1: banner to the end of summary
    fold(8, 9), // summary: >-
    fold(11, 29), // Group 3
    fold(14, 29), // ontology
    fold(17, 19), // search_hints
    fold(20, 29), // commons_assessment
    fold(31, 40), // Group 5
    fold(34, 40), // relationships
    fold(36, 38), // specializes_to
    fold(39, 40), // complementary
    fold(47, 49), // Section 1, without the blank line and the rule before Section 2
    fold(53, 57), // Section 2
    fold(61, 63), // Section 3, to the end of the file
  ]);
});

test('folding in a CRLF file with a BOM gives the same lines', () => {
  const crlf = '\uFEFF' + fixtures['emotional-safety.md'].replace(/\n/g, '\r\n');
  const ws = createNavWorkspace({ 'emotional-safety.md': fixtures['emotional-safety.md'], 'crlf.md': crlf });
  assert.deepEqual(provideFoldingRanges(ws.ctx, ws.doc('crlf.md')), provideFoldingRanges(ws.ctx, ws.doc('emotional-safety.md')));
});

test('a group without a banner folds from its first key; one range per start line', () => {
  const text = ['---', 'slug: bare', 'ontology:', '  domain: x', '  cross_domains:', '    - y', '---', ''].join('\n');
  const ws = createNavWorkspace({ 'bare.md': text });
  assert.deepEqual(provideFoldingRanges(ws.ctx, ws.doc('bare.md')), [fold(0, 6), fold(2, 5), fold(4, 5)]);
});

test('the real example folds all seven groups and eight sections', () => {
  const ws = createNavWorkspace(fixtures);
  const ranges = provideFoldingRanges(ws.ctx, ws.doc('therapeutic-relationship-building.md'));
  const starts = new Set(ranges.map((r) => r.startLine));
  for (const banner of [1, 13, 22, 50, 60, 93, 209]) assert.ok(starts.has(banner), `group banner on line ${banner}`);
  assert.deepEqual(ranges.find((r) => r.startLine === 209), fold(209, 216));
  assert.deepEqual(ranges.find((r) => r.startLine === 308), fold(308, 326));
  assert.deepEqual(ranges.find((r) => r.startLine === 0), fold(0, 217));
  assert.equal(starts.size, ranges.length);
});

test('an unclosed frontmatter folds to the end of the file', () => {
  const ws = createNavWorkspace({ 'open.md': '---\nslug: open\ntitle: x\n' });
  assert.deepEqual(provideFoldingRanges(ws.ctx, ws.doc('open.md')), [fold(0, 3), fold(1, 2)]);
});
