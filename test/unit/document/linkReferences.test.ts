import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { findLinkReferences, type LinkReference } from '../../../server/src/core/document/linkReferences';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'document', 'link-references.md');

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const summary = (ref: LinkReference) => ({
  source: ref.source, kind: ref.kind, target: ref.target, range: ref.range, textRange: ref.textRange,
  path: ref.path, entryPath: ref.entryPath, weight: ref.weight,
});

const EXPECTED = [
  { source: 'relationship', kind: 'enables', target: 'emotional-safety', range: range(4, 12, 28), textRange: range(4, 12, 28), path: ['relationships', 'enables', 0, 'slug'], entryPath: ['relationships', 'enables', 0], weight: 0.9 },
  { source: 'relationship', kind: 'enables', target: 'plain-target', range: range(6, 6, 18), textRange: range(6, 6, 18), path: ['relationships', 'enables', 1], entryPath: ['relationships', 'enables', 1], weight: undefined },
  { source: 'relationship', kind: 'enables', target: 'legacy-target', range: range(7, 10, 23), textRange: range(7, 10, 23), path: ['relationships', 'enables', 2, 'id'], entryPath: ['relationships', 'enables', 2], weight: 0.5 },
  { source: 'relationship', kind: 'enables', target: 'quoted-target', range: range(11, 12, 27), textRange: range(11, 13, 26), path: ['relationships', 'enables', 3, 'slug'], entryPath: ['relationships', 'enables', 3], weight: undefined },
  { source: 'relationship', kind: 'enables', target: 'single-quoted', range: range(12, 6, 21), textRange: range(12, 7, 20), path: ['relationships', 'enables', 4], entryPath: ['relationships', 'enables', 4], weight: undefined },
  { source: 'relationship', kind: 'tools', target: 'flow-target', range: range(16, 13, 24), textRange: range(16, 13, 24), path: ['relationships', 'tools', 0, 'slug'], entryPath: ['relationships', 'tools', 0], weight: 1 },
  { source: 'inferred', kind: 'complementary', target: 'inferred-target', range: range(19, 14, 29), textRange: range(19, 14, 29), path: ['graph_garden', 'inferred_links', 0, 'target'], entryPath: ['graph_garden', 'inferred_links', 0], weight: 0.7 },
  { source: 'inferred', kind: 'enabler', target: '🌱-sprout', range: range(22, 14, 25), textRange: range(22, 15, 24), path: ['graph_garden', 'inferred_links', 1, 'target'], entryPath: ['graph_garden', 'inferred_links', 1], weight: undefined },
];

describe('findLinkReferences', () => {
  const text = fs.readFileSync(FIXTURE, 'utf8');

  it('finds slug entries, bare strings, {id} entries, flow entries and inferred links, skipping entries without a target', () => {
    const refs = findLinkReferences(parsePatternDocument('file:///link-references.md', text));
    assert.deepEqual(refs.map(summary), EXPECTED);
  });

  it('gives the same ranges with CRLF line breaks and a byte-order mark', () => {
    const crlf = findLinkReferences(parsePatternDocument('file:///link-references.md', text.replace(/\n/g, '\r\n')));
    assert.deepEqual(crlf.map(summary), EXPECTED);
    // The BOM is on line 0, so no target moves.
    const bom = findLinkReferences(parsePatternDocument('file:///link-references.md', `\ufeff${text}`));
    assert.deepEqual(bom.map(summary), EXPECTED);
  });

  it('gives the target node of each reference', () => {
    const refs = findLinkReferences(parsePatternDocument('file:///link-references.md', text));
    assert.deepEqual(refs.map((ref) => (ref.node as { value?: unknown }).value), EXPECTED.map((ref) => ref.target));
  });

  it('finds nothing when the frontmatter is not a mapping or has no links', () => {
    assert.deepEqual(findLinkReferences(parsePatternDocument('file:///x.md', '---\n- a\n---\n')), []);
    assert.deepEqual(findLinkReferences(parsePatternDocument('file:///x.md', '---\nslug: x\nrelationships: 3\ngraph_garden: [1]\n---\n')), []);
    assert.deepEqual(findLinkReferences(parsePatternDocument('file:///x.md', '# no frontmatter\n')), []);
  });
});
