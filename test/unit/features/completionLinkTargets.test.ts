import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionList } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { completeAt, completionEdits, createCompletionWorkspace, lines, patternText, withCursor } from './completionWorkspace';

const OTHERS: Record<string, string> = {
  'emotional-safety.md': patternText({ slug: 'emotional-safety', title: 'Emotional Safety', summary: 'People can speak up without fear.', domain: 'mindfulness-presence', overallScore: 3.8, vitality: 4 }),
  'active-listening-depth.md': patternText({ slug: 'active-listening-depth', title: 'Active Listening Depth', domain: 'communication', overallScore: 3.2 }),
  'trust-building.md': patternText({ slug: 'trust-building', title: 'Trust Building' }),
  'safe-spaces.md': patternText({ slug: 'safe-spaces', title: 'Brave Rooms' }),
};

function complete(marked: string, files: Record<string, string> = OTHERS): CompletionList {
  return completeAt(marked, files);
}

test('an empty `slug:` value offers every other slug, without the own slug and those already in the list', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: trust-building', '      weight: 0.9', '    - slug: |', '---'));
  assert.deepEqual(completionEdits(list), [
    'active-listening-depth @6:12-6:12 => active-listening-depth',
    'emotional-safety @6:12-6:12 => emotional-safety',
    'safe-spaces @6:12-6:12 => safe-spaces',
  ]);
  assert.equal(list.isIncomplete, false);
});

test('an item has the title as detail, summary/domain/score as documentation, and slug plus title as filter text', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  requires:', '    - slug: |', '---'));
  const item = list.items.find((i) => i.label === 'emotional-safety');
  assert.deepEqual(item, {
    label: 'emotional-safety',
    kind: CompletionItemKind.Reference,
    detail: 'Emotional Safety',
    documentation: { kind: 'markdown', value: 'People can speak up without fear.\n\nDomain: mindfulness-presence · Overall score: 3.8 · Vitality: Sustaining (4)' },
    filterText: 'emotional-safety Emotional Safety',
    sortText: '00002',
    textEdit: { range: { start: { line: 4, character: 12 }, end: { line: 4, character: 12 } }, newText: 'emotional-safety' },
  });
});

test('the typed word is replaced whole and filters: slug prefixes first, then title words', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: sa|fe', '---'));
  assert.deepEqual(completionEdits(list), ['safe-spaces @4:12-4:16 => safe-spaces', 'emotional-safety @4:12-4:16 => emotional-safety']);
  assert.equal(list.isIncomplete, true, 'filtered by the typed text, so the client must ask again');
});

test('a word of the title finds a pattern whose slug does not contain it', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: brave|', '---'));
  assert.deepEqual(completionEdits(list), ['safe-spaces @4:12-4:17 => safe-spaces']);
  assert.equal(list.items[0].filterText, 'safe-spaces Brave Rooms');
});

test('ranking: slug prefix, title word, slug segment, substring, letters in order', () => {
  const files = {
    'a.md': patternText({ slug: 'trust-building' }),
    'b.md': patternText({ slug: 'circles', title: 'Trust Circles' }),
    'c.md': patternText({ slug: 'building-trust' }),
    'd.md': patternText({ slug: 'entrusted' }),
    'e.md': patternText({ slug: 'team-routines-today' }),
    'f.md': patternText({ slug: 'unrelated' }),
  };
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: trust|', '---'), files);
  assert.deepEqual(list.items.map((i) => i.label), ['trust-building', 'circles', 'building-trust', 'entrusted', 'team-routines-today']);
  assert.deepEqual(list.items.map((i) => i.sortText), ['00001', '00002', '00003', '00004', '00005']);
});

test('inside a quoted value the range is the text between the quotes', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: "emo|"', '---'));
  assert.deepEqual(completionEdits(list), ['emotional-safety @4:13-4:16 => emotional-safety']);
});

test('`- |` in a list of bare strings offers the slugs and a slug/weight entry snippet', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - trust-building', '    - |', '---'));
  assert.deepEqual(completionEdits(list), [
    'slug, weight @5:6-5:6 => slug: ${1}\n      weight: ${2:0.8}',
    'active-listening-depth @5:6-5:6 => active-listening-depth',
    'emotional-safety @5:6-5:6 => emotional-safety',
    'safe-spaces @5:6-5:6 => safe-spaces',
  ]);
  assert.equal(list.items[0].kind, CompletionItemKind.Snippet);
  assert.equal(list.items[0].insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(list.items[0].insertTextMode, InsertTextMode.asIs);
});

test('a dash without a space (`-|`) gets one before the inserted slug', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  tools:', '    -|', '---'));
  assert.deepEqual(completionEdits(list).slice(0, 2), ['slug, weight @4:5-4:5 =>  slug: ${1}\n      weight: ${2:0.8}', 'active-listening-depth @4:5-4:5 =>  active-listening-depth']);
});

test('`slug:|` without a space gets one before the inserted slug', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  tools:', '    - slug:|', '---'));
  assert.deepEqual(completionEdits(list)[0], 'active-listening-depth @4:11-4:11 =>  active-listening-depth');
});

test('a one-line flow list (`enables: [a, |]`) offers slugs not yet in it', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables: [trust-building, |]', '---'));
  assert.deepEqual(completionEdits(list), [
    'active-listening-depth @3:28-3:28 => active-listening-depth',
    'emotional-safety @3:28-3:28 => emotional-safety',
    'safe-spaces @3:28-3:28 => safe-spaces',
  ]);
});

test('a flow mapping entry (`- {slug: a|, weight: 0.8}`) completes its slug', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - {slug: trust-building, weight: 0.7}', '    - {slug: tru|st, weight: 0.8}', '---'));
  assert.deepEqual(completionEdits(list), [], 'trust-building is already listed');
  const other = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - {slug: ac|, weight: 0.8}', '---'));
  assert.deepEqual(completionEdits(other), ['active-listening-depth @4:13-4:15 => active-listening-depth', 'safe-spaces @4:13-4:15 => safe-spaces']);
});

test('UTF-16 columns: an emoji earlier on the line counts as two characters', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables: ["🌱-x", em|]', '---'));
  assert.deepEqual(completionEdits(list), ['emotional-safety @3:20-3:22 => emotional-safety', 'safe-spaces @3:20-3:22 => safe-spaces']);
});

test('CRLF line endings give the same ranges', () => {
  const list = complete(['---', 'slug: me', 'relationships:', '  enables:', '    - slug: sa|fe', '---', ''].join('\r\n'));
  assert.deepEqual(completionEdits(list), ['safe-spaces @4:12-4:16 => safe-spaces', 'emotional-safety @4:12-4:16 => emotional-safety']);
});

test('the pattern does not link to itself', () => {
  const list = complete(lines('---', 'slug: emotional-safety', 'relationships:', '  enables:', '    - slug: emo|', '---'));
  assert.deepEqual(completionEdits(list), []);
});

test('an inferred link target excludes the other inferred targets only', () => {
  const list = complete(lines(
    '---', 'slug: me', 'relationships:', '  enables:', '    - slug: safe-spaces',
    'graph_garden:', '  inferred_links:', '    - target: trust-building', '      type: enables', '    - target: |', '      type: requires', '---',
  ));
  assert.deepEqual(completionEdits(list), [
    'active-listening-depth @9:14-9:14 => active-listening-depth',
    'emotional-safety @9:14-9:14 => emotional-safety',
    'safe-spaces @9:14-9:14 => safe-spaces',
  ]);
});

test('`id` holds the target only in entries without `slug`', () => {
  const bare = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - id: act|', '      weight: 0.8', '---'));
  assert.deepEqual(completionEdits(bare), ['active-listening-depth @4:10-4:13 => active-listening-depth']);
  const beside = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: trust-building', '      id: |', '---'));
  assert.deepEqual(completionEdits(beside), [], 'beside slug, id is the TypeID');
});

test('a half-typed file with YAML errors still completes, from the lines around the cursor', () => {
  const marked = lines('---', 'slug: me', 'title: "Me', 'relationships:', '  enables:', '    - slug: trust-building', '    - slug: s|', '  requi', 'lifecycle: [', '---');
  const ws = createCompletionWorkspace(OTHERS);
  const { text, position } = withCursor(marked);
  const doc = ws.add('me.md', text);
  assert.ok(doc.yamlErrors.length > 0, 'the test text must not parse');
  assert.deepEqual(completionEdits(provideCompletion(ws.ctx, doc, position)), [
    'safe-spaces @6:12-6:13 => safe-spaces',
    'emotional-safety @6:12-6:13 => emotional-safety',
    'active-listening-depth @6:12-6:13 => active-listening-depth',
  ]);
});
