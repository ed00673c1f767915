import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, Position } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { createCompletionWorkspace, readCompletionFixtures } from './completionWorkspace';

/**
 * Completion in the reference pattern of the real library (test/fixtures/features-completion,
 * copied unchanged), as an author editing it would ask for it.
 */
const REFERENCE = 'therapeutic-relationship-building.md';

/** The reference pattern with `edit` applied to its lines, completed at `position`. */
function completeIn(edit: (lines: string[]) => void, position: Position): CompletionList {
  const files = readCompletionFixtures();
  const lines = files[REFERENCE].split('\n');
  edit(lines);
  const ws = createCompletionWorkspace(files);
  return provideCompletion(ws.ctx, ws.add(REFERENCE, lines.join('\n')), position);
}

test('a new `requires` entry offers the other patterns of the workspace', () => {
  const list = completeIn((lines) => {
    assert.equal(lines[79], '      weight: 0.92');
    lines.splice(80, 0, '    - slug: ac');
  }, { line: 80, character: 14 });
  assert.deepEqual(list.items.map((i) => [i.label, i.detail, i.textEdit]), [
    ['acceptance-and-commitment', 'Acceptance and Commitment', { range: { start: { line: 80, character: 12 }, end: { line: 80, character: 14 } }, newText: 'acceptance-and-commitment' }],
    ['accountability-partnership', 'Accountability Partnership', { range: { start: { line: 80, character: 12 }, end: { line: 80, character: 14 } }, newText: 'accountability-partnership' }],
    ['active-listening-depth', 'Active Listening Depth', { range: { start: { line: 80, character: 12 }, end: { line: 80, character: 14 } }, newText: 'active-listening-depth' }],
  ]);
  assert.deepEqual(list.items[2].documentation, {
    kind: 'markdown',
    value: 'Listen not just to words but to the feelings, needs, and meaning behind them, reflecting understanding before responding.\n\nDomain: mental-models · Overall score: 3.2 · Vitality: Sustaining (3.5)',
  });
});

test('`generalizes_from` already lists two of them', () => {
  const list = completeIn((lines) => {
    assert.equal(lines[68], '      weight: 0.82');
    lines.splice(69, 0, '    - slug: ');
  }, { line: 69, character: 12 });
  assert.deepEqual(list.items.map((i) => i.label), ['accountability-partnership']);
});

test('cross_domains: the domains of the other patterns, not its own', () => {
  const list = completeIn((lines) => assert.equal(lines[27], '  cross_domains: []'), { line: 27, character: 18 });
  assert.deepEqual(list.items.map((i) => [i.label, i.detail]), [
    ['emotional-intelligence', 'used by 1 pattern'],
    ['mental-models', 'used by 1 pattern'],
    ['problem-solving', 'used by 1 pattern'],
  ]);
});

test('lifecycle has every key already: an empty line in it offers none', () => {
  const list = completeIn((lines) => {
    assert.equal(lines[56], '  status: draft');
    lines.splice(56, 0, '  ');
  }, { line: 56, character: 2 });
  assert.deepEqual(list.items, []);
});

test('an inferred link type offers the seven relationship kinds', () => {
  const list = completeIn((lines) => {
    assert.equal(lines[162], '      type: enables');
    lines[162] = '      type: ';
  }, { line: 162, character: 12 });
  assert.equal(list.items.length, 7);
  assert.equal(list.items[0].label, 'generalizes_from');
});
