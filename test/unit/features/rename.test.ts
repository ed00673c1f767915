import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { providePrepareRename, provideRename } from '../../../server/src/core/features/rename';
import { applyTextEdits, lineBreakOf } from '../../../server/src/core/features/textEdits';
import { applyWorkspaceEdit, createNavWorkspace, markCursor, readNavFixtures, uriOf, withCursor } from './navWorkspace';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const fixtures = readNavFixtures();

const NOT_A_SLUG = 'Only a pattern slug can be renamed: put the cursor on the `slug` value or on a relationship or inferred-link target.';

function prepareAt(files: Record<string, string>, name: string, marked: string) {
  const ws = createNavWorkspace(files);
  const { text, position } = withCursor(marked);
  return providePrepareRename(ws.ctx, parsePatternDocument(uriOf(name), text), position);
}

test('prepareRename on the declaration: the slug text and the old slug as placeholder', () => {
  const marked = markCursor(fixtures['emotional-safety.md'], 'slug: emotional-safety', 12);
  assert.deepEqual(prepareAt(fixtures, 'emotional-safety.md', marked), { range: range(5, 6, 22), placeholder: 'emotional-safety' });
});

test('prepareRename on a quoted reference gives the text inside the quotes', () => {
  const marked = markCursor(fixtures['active-listening-depth.md'], "'emotional-safety'", 4);
  assert.deepEqual(prepareAt(fixtures, 'active-listening-depth.md', marked), { range: range(16, 11, 27), placeholder: 'emotional-safety' });
});

test('prepareRename refuses what is not a slug, a broken target, an id and a duplicate slug', () => {
  assert.deepEqual(prepareAt(fixtures, 'emotional-safety.md', markCursor(fixtures['emotional-safety.md'], 'Emotional Safety"', 2)), { error: NOT_A_SLUG });
  assert.deepEqual(prepareAt(fixtures, 'emotional-safety.md', markCursor(fixtures['emotional-safety.md'], 'domain: mindfulness', 10)), { error: NOT_A_SLUG });
  assert.deepEqual(prepareAt(fixtures, 'trust-circles.md', markCursor(fixtures['trust-circles.md'], 'emotional-safetey', 3)), {
    error: "No pattern with slug 'emotional-safetey' in the workspace, so there is nothing to rename",
  });
  const byId: Record<string, string> = { ...fixtures, 'by-id.md': '---\nslug: by-id\nrelationships:\n  requires: [pat_01khvcxcmwee1s6wdhmrpk0x3a]\n---\n' };
  assert.deepEqual(prepareAt(byId, 'by-id.md', markCursor(byId['by-id.md'], 'pat_01', 3)), {
    error: "'pat_01khvcxcmwee1s6wdhmrpk0x3a' names a pattern by its id; rename the pattern from its slug",
  });
  const twins: Record<string, string> = { ...fixtures, 'twin.md': '---\nslug: emotional-safety\n---\n' };
  assert.deepEqual(prepareAt(twins, 'trust-circles.md', markCursor(twins['trust-circles.md'], 'emotional-safety\n', 3)), {
    error: "'emotional-safety' is the slug of more than one pattern (emotional-safety.md, twin.md); resolve the duplicate slug before renaming",
  });
});

test('rename refuses an invalid slug and one already taken, with a message', () => {
  const ws = createNavWorkspace(fixtures);
  const doc = ws.doc('emotional-safety.md');
  const at = { line: 5, character: 8 };
  const invalid = "is not a valid slug: a slug must match ^[a-z0-9]+(-[a-z0-9]+)*$ (lowercase letters and digits, words joined by single hyphens)";
  assert.deepEqual(provideRename(ws.ctx, doc, at, 'Emotional Safety'), { error: `'Emotional Safety' ${invalid}` });
  assert.deepEqual(provideRename(ws.ctx, doc, at, 'safe--space'), { error: `'safe--space' ${invalid}` });
  assert.deepEqual(provideRename(ws.ctx, doc, at, ''), { error: `'' ${invalid}` });
  assert.deepEqual(provideRename(ws.ctx, doc, at, 'trust-circle'), { error: "'trust-circle' is already the slug of trust-circles.md" });
  assert.deepEqual(provideRename(ws.ctx, doc, { line: 6, character: 10 }, 'x'), { error: NOT_A_SLUG });
});

test('renaming to the same slug changes nothing', () => {
  const ws = createNavWorkspace(fixtures);
  assert.deepEqual(provideRename(ws.ctx, ws.doc('emotional-safety.md'), { line: 5, character: 8 }, ' emotional-safety '), { edit: { documentChanges: [] } });
});

test('rename from a reference: one edit for the slug, every reference, and the file; open files carry their version', () => {
  const ws = createNavWorkspace(fixtures);
  ws.open('therapeutic-relationship-building.md', 7);
  ws.open('emotional-safety.md', 2);
  const result = provideRename(ws.ctx, ws.doc('therapeutic-relationship-building.md'), { line: 193, character: 20 }, 'psychological-safety');
  const edit = (uri: string, version: number | null, ...ranges: ReturnType<typeof range>[]): TextDocumentEdit => ({
    textDocument: { uri: uriOf(uri), version },
    edits: ranges.map((r) => ({ range: r, newText: 'psychological-safety' })),
  });
  assert.deepEqual(result, {
    edit: {
      documentChanges: [
        edit('active-listening-depth.md', null, range(16, 11, 27), range(27, 14, 30)),
        edit('emotional-safety.md', 2, range(5, 6, 22)),
        edit('therapeutic-relationship-building.md', 7, range(78, 12, 28), range(193, 14, 30)),
        edit('trust-circles.md', null, range(19, 12, 28)),
        { kind: 'rename', oldUri: uriOf('emotional-safety.md'), newUri: uriOf('psychological-safety.md') },
      ],
    },
  });
  // Applied, the workspace is consistent: the renamed file declares the new slug and nothing names the old one.
  const after = applyWorkspaceEdit(ws.files, result.edit!, new Map([[uriOf('therapeutic-relationship-building.md'), 7], [uriOf('emotional-safety.md'), 2]]));
  assert.equal(after.has(uriOf('emotional-safety.md')), false);
  assert.match(after.get(uriOf('psychological-safety.md'))!, /\nslug: psychological-safety   # keep in sync with the file name\n/);
  const therapeutic = after.get(uriOf('therapeutic-relationship-building.md'))!;
  assert.equal(therapeutic.split('\n')[131], '    - id: emotional-safety', 'graph_garden entities are not links and keep their id');
  assert.equal(therapeutic.replace(/psychological-safety/g, 'emotional-safety'), fixtures['therapeutic-relationship-building.md']);
  assert.match(after.get(uriOf('active-listening-depth.md'))!, /- slug: emotional-safety-net\n/);
});

test('no RenameFile when the file is not named after the slug or the new name is taken by a file', () => {
  const ws = createNavWorkspace(fixtures);
  const trust = provideRename(ws.ctx, ws.doc('trust-circles.md'), { line: 2, character: 8 }, 'trust-ring');
  assert.deepEqual(trust.edit?.documentChanges, [{ textDocument: { uri: uriOf('trust-circles.md'), version: null }, edits: [{ range: range(2, 6, 18), newText: 'trust-ring' }] }]);
  ws.setFile('psychological-safety.md', '# Notes, not a pattern\n');
  const taken = provideRename(ws.ctx, ws.doc('emotional-safety.md'), { line: 5, character: 8 }, 'psychological-safety');
  assert.equal(taken.edit?.documentChanges?.some((c) => 'kind' in c), false);
  assert.equal(taken.edit?.documentChanges?.length, 4);
});

/** A pattern in CRLF with a BOM, a single-quoted slug with a comment, and a self-link. */
const CALM = "\uFEFF---\r\nid: pat_01khvcxcmwee1s6wdhmrpk0x6d\r\nslug: 'calm-space'   # the slug\r\ntitle: \"Calm Space\"\r\nrelationships:\r\n  enables:\r\n    - slug: \"calm-space\"  # self\r\n      weight: 0.5\r\n---\r\n\r\n### Section 1: Context\r\n\r\ncalm-space in the body stays.\r\n";
/** A file with comments, a quoted bare entry, a look-alike slug, an entity id and an inferred link. */
const USER = [
  '---',
  'slug: user',
  'relationships:',
  '  # calm-space in a comment stays',
  '  requires:',
  '    - "calm-space"   # quoted bare',
  '    - calm-space-extended',
  '  tools: [ calm-space ]',
  'graph_garden:',
  '  entities:',
  '    - id: calm-space',
  '      type: concept',
  '      label: "Calm"',
  '  inferred_links:',
  "    - target: 'calm-space'",
  '      confidence: 0.8',
  '---',
  'calm-space in the body stays.',
  '',
].join('\n');

test('rename edits only the slug text: BOM, CRLF, quotes, comments, body and look-alikes stay byte for byte', () => {
  const ws = createNavWorkspace({ 'calm-space.md': CALM, 'user.md': USER });
  const { text, position } = withCursor(markCursor(USER, 'calm-space ]', 3));
  const result = provideRename(ws.ctx, parsePatternDocument(uriOf('user.md'), text), position, 'quiet-room');
  const after = applyWorkspaceEdit(ws.files, result.edit as WorkspaceEdit);
  assert.deepEqual([...after.keys()].sort(), [uriOf('quiet-room.md'), uriOf('user.md')]);
  assert.equal(
    after.get(uriOf('quiet-room.md')),
    "\uFEFF---\r\nid: pat_01khvcxcmwee1s6wdhmrpk0x6d\r\nslug: 'quiet-room'   # the slug\r\ntitle: \"Calm Space\"\r\nrelationships:\r\n  enables:\r\n    - slug: \"quiet-room\"  # self\r\n      weight: 0.5\r\n---\r\n\r\n### Section 1: Context\r\n\r\ncalm-space in the body stays.\r\n",
  );
  assert.equal(after.get(uriOf('user.md')), [
    '---',
    'slug: user',
    'relationships:',
    '  # calm-space in a comment stays',
    '  requires:',
    '    - "quiet-room"   # quoted bare',
    '    - calm-space-extended',
    '  tools: [ quiet-room ]',
    'graph_garden:',
    '  entities:',
    '    - id: calm-space',
    '      type: concept',
    '      label: "Calm"',
    '  inferred_links:',
    "    - target: 'quiet-room'",
    '      confidence: 0.8',
    '---',
    'calm-space in the body stays.',
    '',
  ].join('\n'));
});

test('rename from the declaration in a CRLF file: positions skip the BOM-free lines exactly', () => {
  const ws = createNavWorkspace({ 'calm-space.md': CALM, 'user.md': USER });
  assert.deepEqual(providePrepareRename(ws.ctx, ws.doc('calm-space.md'), { line: 2, character: 7 }), { range: range(2, 7, 17), placeholder: 'calm-space' });
  const result = provideRename(ws.ctx, ws.doc('calm-space.md'), { line: 2, character: 17 }, 'quiet-room');
  const changes = result.edit?.documentChanges as TextDocumentEdit[];
  assert.deepEqual(changes[0].edits.map((e) => e.range), [range(2, 7, 17), range(6, 13, 23)]);
  assert.deepEqual(changes[1].edits.map((e) => e.range), [range(5, 7, 17), range(7, 11, 21), range(14, 15, 25)]);
});

test('applyTextEdits works in the original coordinates and refuses overlaps; lineBreakOf finds the file\'s line break', () => {
  const text = 'ab\r\ncd\r\nef';
  assert.equal(applyTextEdits(text, [{ range: range(2, 0, 1), newText: 'E' }, { range: range(0, 1, 2), newText: 'B\r\nx' }]), 'aB\r\nx\r\ncd\r\nEf');
  assert.throws(() => applyTextEdits(text, [{ range: range(0, 0, 2), newText: '' }, { range: range(0, 1, 1), newText: 'y' }]), /Overlapping/);
  assert.deepEqual([lineBreakOf(text), lineBreakOf('a\nb\r\n'), lineBreakOf('a\rb'), lineBreakOf('one line')], ['\r\n', '\n', '\r', '\n']);
});
