import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { newPatternText, slugFromTitle, titleFromSlug } from '../../../server/src/core/features/newPattern';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { uriOf } from './navWorkspace';

const schema = loadPatternSchema();
const DAY = new Date(2026, 2, 7);

/** Every diagnostic of every rule (the real schema validator included) for a new file in an otherwise empty workspace. */
function checkNewFile(fileName: string, text: string) {
  const uri = uriOf(fileName);
  const doc = parsePatternDocument(uri, text);
  const index = new WorkspaceIndex();
  index.set(summarizePattern(uri, doc.data)!);
  return checkDocument(doc, { index, schema, validator: createSchemaValidator(schema) }).map((d) => [d.code, d.range.start.line, d.message]);
}

test('a new pattern with a domain has no diagnostic at all (schema, scores, sections, slug/file name)', () => {
  const created = newPatternText('Emotional Safety', undefined, { domain: 'mindfulness-presence', today: DAY });
  assert.deepEqual([created.slug, created.fileName], ['emotional-safety', 'emotional-safety.md']);
  assert.deepEqual(checkNewFile(created.fileName, created.text), []);
});

test('without a domain, the only finding is the empty domain the author has to fill in', () => {
  const created = newPatternText('Emotional Safety');
  const findings = checkNewFile(created.fileName, created.text);
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.deepEqual(findings[0].slice(0, 2), ['schema', 24]);
});

test('the template: fresh TypeID, slug, quoted title, date, default assessment whose mean is overall_score, eight sections', () => {
  const a = newPatternText('Émile\'s "Café" & Co-op', undefined, { today: DAY });
  const b = newPatternText('Émile\'s "Café" & Co-op', undefined, { today: DAY });
  const lines = a.text.split('\n');
  assert.match(lines[4], /^id: pat_[0-9a-z]{26}$/);
  assert.notEqual(lines[4], b.text.split('\n')[4], 'every new pattern gets its own id');
  assert.deepEqual(lines.slice(0, 12), [
    '---',
    '# ' + '═'.repeat(67),
    '# GROUP 1: CORE IDENTITY',
    '# ' + '═'.repeat(67),
    lines[4],
    'slug: emile-s-cafe-co-op',
    'title: "Émile\'s \\"Café\\" & Co-op"',
    'aliases: []',
    'summary: >-',
    "  {A one-sentence summary of the pattern's core idea.}",
    '',
    '# ' + '═'.repeat(67),
  ]);
  const data = parsePatternDocument(uriOf(a.fileName), a.text).data as Record<string, any>;
  assert.equal(data.title, 'Émile\'s "Café" & Co-op');
  assert.equal(data.graph_garden.last_pruned, '2026-03-07');
  const scores = data.ontology.commons_assessment;
  const pillars = ['stakeholder_architecture', 'value_creation', 'resilience', 'ownership', 'autonomy', 'composability', 'fractal_value', 'vitality'];
  assert.equal(pillars.reduce((sum, k) => sum + scores[k], 0) / 8, scores.overall_score);
  const headings = parsePatternDocument(uriOf(a.fileName), a.text).sections.map((s) => s.name);
  assert.deepEqual(headings, ['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality']);
  assert.ok(a.text.endsWith('### Section 8: Vitality\n\n*(200–300 words)*\n'));
  assert.ok(a.text.includes('\n---\n\n### Section 2: Problem\n\n*(100–200 words)*\n\n---\n'));
});

test('with the schema, the text is the same as with the built-in v7.1 groups and sections', () => {
  const strip = (text: string) => text.replace(/^id: .*$/m, 'id: x');
  assert.equal(strip(newPatternText(schema, 'Trust Circles', undefined, { today: DAY }).text), strip(newPatternText('Trust Circles', undefined, { today: DAY }).text));
  assert.equal(newPatternText(schema, 'Trust Circles').slug, 'trust-circles');
});

test('slugs that YAML would read as numbers or booleans are quoted; a given slug is normalised', () => {
  const year = newPatternText('1984');
  assert.equal(year.slug, '1984');
  assert.equal((parsePatternDocument(uriOf(year.fileName), year.text).data as { slug: unknown }).slug, '1984');
  assert.match(year.text, /\nslug: "1984"\n/);
  assert.equal(newPatternText('Anything', 'True').slug, 'true');
  assert.equal((parsePatternDocument('x', newPatternText('Anything', 'True').text).data as { slug: unknown }).slug, 'true');
  assert.equal(newPatternText('Anything', 'Already Fine!').slug, 'already-fine');
  assert.equal(newPatternText('', 'from-slug').text.includes('\ntitle: "From Slug"\n'), true);
});

test('slugFromTitle and titleFromSlug', () => {
  assert.equal(slugFromTitle('  Straße zum Grün — Œuvre ø '), 'strasse-zum-grun-oeuvre-o');
  assert.equal(slugFromTitle('日本語'), 'new-pattern');
  assert.equal(slugFromTitle('A/B Testing (v2)'), 'a-b-testing-v2');
  assert.equal(titleFromSlug('emotional-safety-2'), 'Emotional Safety 2');
});
