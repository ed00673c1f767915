import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideSectionOutline } from '../../../server/src/core/features/sectionOutline';
import type { FeatureContext } from '../../../server/src/core/features/featureContext';
import { createPatternSchema, loadPatternSchema, type PatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import type { SectionOutlineItem } from '../../../server/src/core/languageService';

const REPO = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/views');
const realSchema = loadPatternSchema();

/** A context over an empty workspace: the outline reads only the document and the schema. */
function contextWith(schema: PatternSchema): FeatureContext {
  return { index: new WorkspaceIndex(), schema, validator: createSchemaValidator(schema), settings: DEFAULT_SETTINGS, host: { getDocument: () => undefined, isOpen: () => false, exists: () => false } };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const byLabel = (items: SectionOutlineItem[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no outline item "${label}" in ${items.map((i) => i.label).join(', ')}`);
  return item;
};

test('the reference pattern: seven groups from their banners, eight sections with word counts against the spec', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'therapeutic-relationship-building.md'), 'utf8');
  const items = provideSectionOutline(contextWith(realSchema), parsePatternDocument('file:///lib/therapeutic-relationship-building.md', text, 3));

  assert.deepEqual(items.map((i) => i.label), [
    'Group 1: Core Identity', 'Group 2: Contextual Translation', 'Group 3: Ontology & Search Optimization',
    'Group 4: Lifecycle & Confidence', 'Group 5: Hard Relationships', 'Group 6: Graph Garden', 'Group 7: Provenance',
    'Section 1: Context', 'Section 2: Problem', 'Section 3: Solution', 'Section 4: Implementation',
    'Section 5: Consequences', 'Section 6: Known Uses', 'Section 7: Cognitive Era', 'Section 8: Vitality',
  ]);
  assert.ok(items.every((i) => i.present), 'every group and section is present');

  // Group 1 spans its ═══ banner (lines 1-3) to the end of the folded `summary`; the banner line is the selection.
  const group1 = byLabel(items, 'Group 1: Core Identity');
  assert.equal(group1.kind, 'group');
  assert.equal(group1.number, 1);
  assert.deepEqual(group1.range, range(1, 0, 11, 49));
  assert.deepEqual(group1.selectionRange, range(2, 0, 2, 24));
  assert.equal(group1.warning, undefined);
  const group7 = byLabel(items, 'Group 7: Provenance');
  assert.deepEqual(group7.range, range(209, 0, 216, 72));
  assert.deepEqual(group7.selectionRange, range(210, 0, 210, 21));

  // Word counts (checked independently: whitespace-separated tokens with a letter or digit).
  assert.deepEqual(items.filter((i) => i.kind === 'section').map((i) => [i.number, i.wordCount, i.minWords, i.maxWords]), [
    [1, 139, 100, 200], [2, 186, 100, 200], [3, 268, 200, 400], [4, 486, 300, 500],
    [5, 267, 200, 300], [6, 312, 200, 300], [7, 241, 150, 250], [8, 341, 200, 300],
  ]);
  assert.deepEqual(items.filter((i) => i.warning).map((i) => [i.label, i.warning]), [
    ['Section 6: Known Uses', '312 words, more than the recommended 200–300'],
    ['Section 8: Vitality', '341 words, more than the recommended 200–300'],
  ]);

  // A section runs from its heading to its last line of text, without the blank lines and `---` rule after it.
  const section1 = byLabel(items, 'Section 1: Context');
  assert.deepEqual(section1.selectionRange, range(226, 0, 226, 22));
  assert.deepEqual(section1.range, range(226, 0, 228, 1001));
  assert.deepEqual(byLabel(items, 'Section 8: Vitality').range, range(308, 0, 326, 520));
});

test('missing groups and sections are listed with warnings; out-of-order sections and counts outside the range are flagged (CRLF)', () => {
  // Small word ranges so that a few words are inside or outside them; groups come from the real schema.
  const schema = createPatternSchema({
    ...realSchema.root,
    'x-sections': [
      { number: 1, name: 'Context', minWords: 2, maxWords: 5 },
      { number: 2, name: 'Problem', minWords: 1, maxWords: 3 },
      { number: 3, name: 'Solution', minWords: 1, maxWords: 10 },
      { number: 4, name: 'Implementation', minWords: 1, maxWords: 2 },
    ],
  });
  const text = [
    '---',
    '# GROUP 1: CORE IDENTITY',
    'slug: small',
    'title: Small',
    'context_labels:',
    '  corporate: "Corp"',
    '---',
    '### Section 1: Context',
    'one two three',
    '### Section 3: Solution',
    'alpha beta',
    '### Section 2: Problem',
    'x y z w',
    '',
  ].join('\r\n');
  const items = provideSectionOutline(contextWith(schema), parsePatternDocument('file:///lib/small.md', text, 1));

  const group1 = byLabel(items, 'Group 1: Core Identity');
  assert.deepEqual([group1.present, group1.range, group1.selectionRange], [true, range(1, 0, 3, 12), range(1, 0, 1, 24)]);
  // No banner: the group spans its keys and selects the first key.
  const group2 = byLabel(items, 'Group 2: Contextual Translation');
  assert.deepEqual([group2.present, group2.range, group2.selectionRange, group2.warning], [true, range(4, 0, 5, 19), range(4, 0, 4, 14), undefined]);
  const group4 = byLabel(items, 'Group 4: Lifecycle & Confidence');
  assert.equal(group4.present, false);
  assert.equal(group4.warning, 'Group 4: Lifecycle & Confidence is missing: none of lifecycle is present');
  assert.deepEqual(group4.range, range(1, 0, 1, 0));
  assert.equal(byLabel(items, 'Group 7: Provenance').warning, 'Group 7: Provenance is missing: none of contributors, sources, license, attribution, provenance is present');

  const sections = items.filter((i) => i.kind === 'section');
  assert.deepEqual(sections.map((s) => [s.label, s.present, s.wordCount, s.warning]), [
    ['Section 1: Context', true, 3, undefined],
    ['Section 2: Problem', true, 4, '4 words, more than the recommended 1–3'],
    ['Section 3: Solution', true, 2, 'Section 3: Solution is out of order: it comes before Section 2'],
    ['Section 4: Implementation', false, undefined, 'Section 4: Implementation is missing'],
  ]);
  assert.deepEqual(sections[0].range, range(7, 0, 8, 13));
  assert.deepEqual(sections[1].range, range(11, 0, 12, 7));
  assert.deepEqual(sections[1].selectionRange, range(11, 0, 11, 22));
  assert.deepEqual(sections[2].range, range(9, 0, 10, 10));
  // A missing section sits where it would be inserted: after the last section in order (here the end of the file).
  assert.deepEqual(sections[3].range, range(13, 0, 13, 0));
});

test('a too-short section is flagged and a missing first section sits at the start of the body', () => {
  const one = provideSectionOutline(contextWith(realSchema), parsePatternDocument('file:///lib/one.md', '---\nslug: one\n---\n### Section 1: Context\nShort.\n'));
  assert.equal(one.find((i) => i.number === 1 && i.kind === 'section')?.warning, '1 word, fewer than the recommended 100–200');

  const text = ['---', 'slug: short', '---', '', '### Section 2: Problem', '', 'Only three words.', ''].join('\n');
  const items = provideSectionOutline(contextWith(realSchema), parsePatternDocument('file:///lib/short.md', text));
  const [s1, s2] = items.filter((i) => i.kind === 'section');
  assert.deepEqual([s1.present, s1.range, s1.warning], [false, range(3, 0, 3, 0), 'Section 1: Context is missing']);
  assert.deepEqual([s2.wordCount, s2.warning, s2.range], [3, '3 words, fewer than the recommended 100–200', range(4, 0, 6, 17)]);
});

test('files that are not v7.1 patterns have no outline', () => {
  const ctx = contextWith(realSchema);
  assert.deepEqual(provideSectionOutline(ctx, parsePatternDocument('file:///lib/README.md', '# Notes\n\n### Section 1: Context\n\ntext\n')), []);
  const legacy = ['---', 'slug: old', 'classification:', '  domain: startup', '---', '### 1. Overview', 'text', ''].join('\n');
  assert.deepEqual(provideSectionOutline(ctx, parsePatternDocument('file:///lib/old.md', legacy)), []);
  assert.deepEqual(provideSectionOutline(ctx, parsePatternDocument('file:///lib/broken.md', '---\nslug: [unclosed\n---\n')), []);
});
