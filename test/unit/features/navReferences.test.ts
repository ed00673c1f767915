import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideReferences } from '../../../server/src/core/features/references';
import { slugAtPosition } from '../../../server/src/core/features/slugAtPosition';
import { createNavWorkspace, markCursor, readNavFixtures, uriOf, withCursor } from './navWorkspace';

const loc = (name: string, line: number, start: number, end: number) => ({ uri: uriOf(name), range: { start: { line, character: start }, end: { line, character: end } } });

const fixtures = readNavFixtures();

/** Every link to emotional-safety in the fixtures, by file name then position (the text of the slug, without quotes). */
const LINKS_TO_EMOTIONAL_SAFETY = [
  loc('active-listening-depth.md', 16, 11, 27),
  loc('active-listening-depth.md', 27, 14, 30),
  loc('therapeutic-relationship-building.md', 78, 12, 28),
  loc('therapeutic-relationship-building.md', 193, 14, 30),
  loc('trust-circles.md', 19, 12, 28),
];
const DECLARATION = loc('emotional-safety.md', 5, 6, 22);

function referencesAt(files: Record<string, string>, name: string, marked: string, includeDeclaration: boolean) {
  const ws = createNavWorkspace(files);
  const { text, position } = withCursor(marked);
  return provideReferences(ws.ctx, parsePatternDocument(uriOf(name), text), position, includeDeclaration);
}

test('references on the slug declaration: every link in the workspace, not the look-alike slug nor the entity id', () => {
  const marked = markCursor(fixtures['emotional-safety.md'], 'slug: emotional-safety', 10);
  assert.deepEqual(referencesAt(fixtures, 'emotional-safety.md', marked, false), LINKS_TO_EMOTIONAL_SAFETY);
});

test('includeDeclaration puts the slug declaration first', () => {
  const marked = markCursor(fixtures['emotional-safety.md'], 'slug: emotional-safety', 6);
  assert.deepEqual(referencesAt(fixtures, 'emotional-safety.md', marked, true), [DECLARATION, ...LINKS_TO_EMOTIONAL_SAFETY]);
});

test('references on any link to the pattern give the same list (from another file, quoted or not)', () => {
  const fromTrust = markCursor(fixtures['trust-circles.md'], 'slug: emotional-safety\n', 8);
  assert.deepEqual(referencesAt(fixtures, 'trust-circles.md', fromTrust, true), [DECLARATION, ...LINKS_TO_EMOTIONAL_SAFETY]);
  const fromQuoted = markCursor(fixtures['active-listening-depth.md'], "'emotional-safety'", 1);
  assert.deepEqual(referencesAt(fixtures, 'active-listening-depth.md', fromQuoted, false), LINKS_TO_EMOTIONAL_SAFETY);
});

test('a link by id counts as a reference to the pattern', () => {
  const files = { ...fixtures, 'by-id.md': '---\nslug: by-id\nrelationships:\n  requires:\n    - id: pat_01khvcxcmwee1s6wdhmrpk0x3a\n      weight: 0.5\n---\n' };
  const marked = markCursor(fixtures['emotional-safety.md'], 'slug: emotional-safety', 8);
  assert.deepEqual(referencesAt(files, 'emotional-safety.md', marked, false), [
    LINKS_TO_EMOTIONAL_SAFETY[0],
    LINKS_TO_EMOTIONAL_SAFETY[1],
    loc('by-id.md', 4, 10, 40),
    ...LINKS_TO_EMOTIONAL_SAFETY.slice(2),
  ]);
});

test('references on a broken target: the places naming it, no declaration', () => {
  const marked = markCursor(fixtures['trust-circles.md'], 'emotional-safetey', 2);
  assert.deepEqual(referencesAt(fixtures, 'trust-circles.md', marked, true), [loc('trust-circles.md', 21, 12, 29)]);
});

test('the open document counts as it is now, not as the index last saw it', () => {
  const ws = createNavWorkspace(fixtures);
  // The user has just added a second link in the open file; the index still has the old text.
  const edited = fixtures['trust-circles.md'].replace('    - slug: emotional-safetey\n', '    - slug: emotional-safety\n');
  const doc = parsePatternDocument(uriOf('trust-circles.md'), edited, 3);
  const refs = provideReferences(ws.ctx, doc, { line: 19, character: 14 }, false);
  assert.deepEqual(refs.filter((r) => r.uri === uriOf('trust-circles.md')), [loc('trust-circles.md', 19, 12, 28), loc('trust-circles.md', 21, 12, 28)]);
});

test('no references away from a slug', () => {
  const marked = markCursor(fixtures['emotional-safety.md'], 'Emotional Safety"', 3);
  assert.deepEqual(referencesAt(fixtures, 'emotional-safety.md', marked, true), []);
  const inBody = markCursor(fixtures['emotional-safety.md'], 'Safety is the soil', 2);
  assert.deepEqual(referencesAt(fixtures, 'emotional-safety.md', inBody, true), []);
});

test('slugAtPosition tells a declaration from a reference and strips quotes', () => {
  const { text, position } = withCursor(markCursor(fixtures['active-listening-depth.md'], '"active-listening-depth"', 0));
  const doc = parsePatternDocument(uriOf('active-listening-depth.md'), text);
  const declaration = slugAtPosition(doc, position);
  assert.deepEqual(
    declaration && { kind: declaration.kind, slug: declaration.slug, range: declaration.range, textRange: declaration.textRange },
    { kind: 'declaration', slug: 'active-listening-depth', range: loc('x', 5, 6, 30).range, textRange: loc('x', 5, 7, 29).range },
  );
  const reference = slugAtPosition(doc, { line: 16, character: 10 });
  assert.deepEqual(reference && [reference.kind, reference.slug, reference.reference?.kind], ['reference', 'emotional-safety', 'enables']);
  assert.equal(slugAtPosition(doc, { line: 16, character: 9 }), undefined);
});
