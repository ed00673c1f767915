import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { AUDIENCE_SYNONYMS, phraseMatchesAudience, provideContextPreview } from '../../../server/src/core/features/contextPreview';
import type { FeatureContext } from '../../../server/src/core/features/featureContext';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../server/src/core/settings/patternSettings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

const REPO = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/views');
const schema = loadPatternSchema();

/** A context over an empty workspace: the preview reads only the document, the schema and the settings. */
function contextWith(contexts: string[] = []): FeatureContext {
  const settings = contexts.length ? normalizeSettings({ contexts }) : DEFAULT_SETTINGS;
  return { index: new WorkspaceIndex(), schema, validator: createSchemaValidator(schema), settings, host: { getDocument: () => undefined, isOpen: () => false, exists: () => false } };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

test('the reference pattern: four audiences with labels, their Section 4 paragraphs, summary, core conflict and solution', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'therapeutic-relationship-building.md'), 'utf8');
  const lines = text.split('\n');
  const preview = provideContextPreview(contextWith(), parsePatternDocument('file:///lib/therapeutic-relationship-building.md', text, 7));

  assert.equal(preview.uri, 'file:///lib/therapeutic-relationship-building.md');
  assert.equal(preview.version, 7);
  assert.equal(preview.title, 'Therapeutic Relationship Building');
  assert.equal(preview.summary, 'The therapeutic relationship itself—feeling heard, understood, and accepted—is where much healing happens; building trust with therapist is critical to therapy effectiveness.');
  assert.equal(preview.coreConflict, 'The core conflict is Therapeutic vs. Building.');
  assert.equal(preview.solution, 'Therefore, the practitioner-therapist deliberately cultivates a dual consciousness: simultaneously *witnessing with full presence* while *actively stewarding the therapeutic frame itself as a living container.*');

  assert.deepEqual(preview.audiences.map((a) => [a.audience, a.label, a.range]), [
    ['corporate', 'Corporate professionals develop trust with therapist', range(17, 13, 17, 67)],
    ['government', 'Government workers build therapeutic alliance', range(18, 14, 18, 61)],
    ['activist', 'Activists build trust with trauma-informed therapists', range(19, 12, 19, 67)],
    ['tech', 'Engineers build working relationship with therapist', range(20, 8, 20, 61)],
  ]);
  // "For engineers:" is the tech paragraph; "Across all contexts:" belongs to no audience.
  assert.deepEqual(preview.audiences.map((a) => a.implementation?.range), [
    range(262, 0, 262, 640), range(264, 0, 264, 737), range(266, 0, 266, 781), range(268, 0, 268, 601),
  ]);
  assert.deepEqual(preview.audiences.map((a) => a.implementation?.text), [lines[262], lines[264], lines[266], lines[268]]);
});

test('extra audiences follow the schema audiences; a missing paragraph is undefined; paragraphs end at a blank line', () => {
  const text = [
    '---',
    'slug: mixed',
    'context_labels:',
    '  community: "Neighbours <b>share</b>"',
    '  tech: \'Engineers <img src=x onerror=alert(1)>\'',
    '  corporate: Plain label',
    '---',
    '### Section 2: Problem',
    '> **The core conflict is A vs. B.**',
    '### Section 3: Solution',
    '> **Therefore, do the thing',
    '> across two lines.**',
    '### Section 4: Implementation',
    '- **For the Tech context specifically:** wire it up',
    '  and ship it.',
    '',
    '**For CORPORATE teams**: hold the meeting.',
    '**For communities:** gather.',
    '',
  ].join('\n');
  const preview = provideContextPreview(contextWith(), parsePatternDocument('file:///lib/mixed.md', text));
  assert.deepEqual(preview.audiences.map((a) => a.audience), ['corporate', 'tech', 'community']);
  assert.deepEqual(preview.audiences.map((a) => a.label), ['Plain label', 'Engineers <img src=x onerror=alert(1)>', 'Neighbours <b>share</b>']);
  assert.deepEqual(preview.audiences[0].range, range(5, 13, 5, 24));
  assert.deepEqual(preview.audiences.map((a) => [a.implementation?.text, a.implementation?.range]), [
    ['**For CORPORATE teams**: hold the meeting.', range(16, 0, 16, 42)],
    ['- **For the Tech context specifically:** wire it up\nand ship it.', range(13, 0, 14, 14)],
    ['**For communities:** gather.', range(17, 0, 17, 28)],
  ]);
  assert.equal(preview.title, undefined);
  assert.equal(preview.summary, undefined);
  assert.equal(preview.coreConflict, 'The core conflict is A vs. B.');
  assert.equal(preview.solution, 'Therefore, do the thing across two lines.');
});

test('the contexts setting chooses and orders the audiences, including ones without a label', () => {
  const text = ['---', 'slug: s', 'context_labels:', '  corporate: C', '  activist: A', '---', '### Section 4: Implementation', '**For movements (activist context):** march.', ''].join('\n');
  const preview = provideContextPreview(contextWith(['activist', 'government']), parsePatternDocument('file:///lib/s.md', text));
  assert.deepEqual(preview.audiences, [
    { audience: 'activist', label: 'A', range: range(4, 12, 4, 13), implementation: { text: '**For movements (activist context):** march.', range: range(7, 0, 7, 44) } },
    { audience: 'government', label: undefined, range: undefined, implementation: undefined },
  ]);
});

test('a pattern without labels or sections, and one with broken YAML, give an empty preview instead of failing', () => {
  const bare = provideContextPreview(contextWith(), parsePatternDocument('file:///lib/bare.md', '---\nslug: bare\ntitle: Bare\n---\nNo sections.\n'));
  assert.deepEqual([bare.title, bare.audiences, bare.coreConflict, bare.solution], ['Bare', [], undefined, undefined]);
  const broken = provideContextPreview(contextWith(), parsePatternDocument('file:///lib/broken.md', '---\ncontext_labels: [\n---\n'));
  assert.deepEqual([broken.title, broken.audiences], [undefined, []]);
});

test('audience phrases match whole words at the start, case-insensitively, with the documented synonyms', () => {
  const cases: Array<[string, string, boolean]> = [
    ['corporate professionals', 'corporate', true],
    ['Corporate', 'corporate', true],
    ['engineers', 'tech', true],
    ['tech/product contexts', 'tech', true],
    ['the tech context', 'tech', true],
    ['technical writers', 'tech', false],
    ['government and public service', 'government', true],
    ['public service', 'government', true],
    ['activists', 'activist', true],
    ['corporate and activist allies', 'activist', false],
    ['educators', 'educator', true],
    ['communities', 'community', true],
    ['all contexts', 'corporate', false],
    ['constructor', 'constructor', true],
    ['toString', 'tostring', true],
  ];
  for (const [phrase, audience, expected] of cases) assert.equal(phraseMatchesAudience(phrase, audience), expected, `"For ${phrase}" for ${audience}`);
  for (const [audience, words] of Object.entries(AUDIENCE_SYNONYMS)) assert.ok(words.includes(audience), `${audience} matches its own name`);
});
