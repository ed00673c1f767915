import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideDefinition } from '../../../server/src/core/features/definition';
import { provideDocumentLinks } from '../../../server/src/core/features/documentLinks';
import { createNavWorkspace, markCursor, readNavFixtures, uriOf, withCursor } from './navWorkspace';

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** Go to definition at the cursor marker of a marked copy of a workspace file. */
function definitionAt(files: Record<string, string>, name: string, marked: string) {
  const ws = createNavWorkspace(files);
  const { text, position } = withCursor(marked);
  return provideDefinition(ws.ctx, parsePatternDocument(uriOf(name), text), position);
}

const fixtures = readNavFixtures();
const therapeutic = fixtures['therapeutic-relationship-building.md'];
const listening = fixtures['active-listening-depth.md'];

test('definition on a relationship slug opens the target file at its quoted title', () => {
  const marked = markCursor(therapeutic, '    - slug: emotional-safety', 15);
  assert.deepEqual(definitionAt(fixtures, 'therapeutic-relationship-building.md', marked), {
    uri: uriOf('emotional-safety.md'),
    range: range(6, 7, 25),
  });
});

test('definition works with the cursor at either end of the slug', () => {
  const atStart = markCursor(therapeutic, 'emotional-safety\n      weight: 0.92');
  const atEnd = markCursor(therapeutic, 'emotional-safety\n      weight: 0.92', 'emotional-safety'.length);
  for (const marked of [atStart, atEnd]) {
    assert.deepEqual(definitionAt(fixtures, 'therapeutic-relationship-building.md', marked), { uri: uriOf('emotional-safety.md'), range: range(6, 7, 25) });
  }
});

test('definition on a single-quoted slug and on an inferred-link target', () => {
  const quoted = markCursor(listening, "'emotional-safety'", 3);
  const inferred = markCursor(listening, 'target: emotional-safety', 12);
  for (const marked of [quoted, inferred]) {
    assert.deepEqual(definitionAt(fixtures, 'active-listening-depth.md', marked), { uri: uriOf('emotional-safety.md'), range: range(6, 7, 25) });
  }
});

test('definition on a bare string entry opens a file whose title is a plain scalar', () => {
  const marked = markCursor(fixtures['emotional-safety.md'], '"active-listening-depth"', 5);
  assert.deepEqual(definitionAt(fixtures, 'emotional-safety.md', marked), { uri: uriOf('active-listening-depth.md'), range: range(6, 7, 29) });
});

test('no definition for a broken target, an entity id, a title or the own slug', () => {
  const cases = [
    markCursor(listening, 'emotional-safety-net', 3),
    markCursor(listening, 'slug: "active-listening-depth"', 10),
    markCursor(listening, 'Active Listening Depth', 2),
  ];
  for (const marked of cases) assert.equal(definitionAt(fixtures, 'active-listening-depth.md', marked), undefined);
  const entity = markCursor(therapeutic, '- id: emotional-safety', 10);
  assert.equal(definitionAt(fixtures, 'therapeutic-relationship-building.md', entity), undefined);
});

test('a target without a title is opened at its first line', () => {
  const files = {
    'linker.md': '---\nslug: linker\nrelationships:\n  enables:\n    - untitled-one\n---\n',
    'untitled-one.md': '---\nslug: untitled-one\n---\nbody\n',
  };
  const marked = markCursor(files['linker.md'], 'untitled-one', 1);
  assert.deepEqual(definitionAt(files, 'linker.md', marked), { uri: uriOf('untitled-one.md'), range: range(0, 0, 3) });
});

test('a slug declared by two files gives both locations', () => {
  const files = {
    'a.md': '---\nslug: a\nrelationships:\n  requires: [twin]\n---\n',
    'twin.md': '---\nslug: twin\ntitle: First\n---\n',
    'twin-copy.md': '---\nslug: twin\ntitle: "Second"\n---\n',
  };
  const marked = markCursor(files['a.md'], 'twin]', 2);
  assert.deepEqual(definitionAt(files, 'a.md', marked), [
    { uri: uriOf('twin.md'), range: range(2, 7, 12) },
    { uri: uriOf('twin-copy.md'), range: range(2, 7, 15) },
  ]);
});

test('a target referred to by its id resolves too', () => {
  const files = {
    'a.md': '---\nslug: a\nrelationships:\n  requires:\n    - id: pat_01khvcxcmwee1s6wdhmrpk0x3a\n---\n',
    'emotional-safety.md': fixtures['emotional-safety.md'],
  };
  const marked = markCursor(files['a.md'], 'pat_01', 4);
  assert.deepEqual(definitionAt(files, 'a.md', marked), { uri: uriOf('emotional-safety.md'), range: range(6, 7, 25) });
});

test('document links: every target that resolves, with the target scalar (quotes included) as range', () => {
  const ws = createNavWorkspace(fixtures);
  assert.deepEqual(provideDocumentLinks(ws.ctx, ws.doc('active-listening-depth.md')), [
    { range: range(16, 10, 28), target: uriOf('emotional-safety.md'), tooltip: 'Emotional Safety' },
    { range: range(27, 14, 30), target: uriOf('emotional-safety.md'), tooltip: 'Emotional Safety' },
  ]);
  assert.deepEqual(provideDocumentLinks(ws.ctx, ws.doc('trust-circles.md')), [
    { range: range(19, 12, 28), target: uriOf('emotional-safety.md'), tooltip: 'Emotional Safety' },
  ]);
});

test('document links of the real example: only the two targets present in the workspace', () => {
  const ws = createNavWorkspace(fixtures);
  const links = provideDocumentLinks(ws.ctx, ws.doc('therapeutic-relationship-building.md'));
  assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]), [
    [65, 12, 34, uriOf('active-listening-depth.md')],
    [71, 12, 34, uriOf('active-listening-depth.md')],
    [78, 12, 28, uriOf('emotional-safety.md')],
    [89, 12, 34, uriOf('active-listening-depth.md')],
    [161, 14, 36, uriOf('active-listening-depth.md')],
    [193, 14, 30, uriOf('emotional-safety.md')],
  ]);
  assert.equal(links[0].tooltip, 'Active Listening Depth');
});
