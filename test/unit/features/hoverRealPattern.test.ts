import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provideHover } from '../../../server/src/core/features/hover';
import { createCompletionWorkspace, readCompletionFixtures } from './completionWorkspace';

/** Hover in the reference pattern of the real library (test/fixtures/features-completion, copied unchanged). */
const REFERENCE = 'therapeutic-relationship-building.md';

function hoverAt(line: number, character: number) {
  const ws = createCompletionWorkspace(readCompletionFixtures());
  return provideHover(ws.ctx, ws.doc(REFERENCE), { line, character });
}

const ACTIVE_LISTENING_PREVIEW = [
  '**Active Listening Depth** · `active-listening-depth`',
  'Listen not just to words but to the feelings, needs, and meaning behind them, reflecting understanding before responding.',
  'Domain: mental-models · Overall score: 3.2 · Vitality: Sustaining (3.5)',
  '- corporate: Client Relationship Management\n- government: Public Hearing Design\n- activist: Deep Listening in Organizing\n- tech: Listening Quality AI Coach',
  '[Open](file:///workspace/active-listening-depth.md)',
].join('\n\n');

test('hover on a `generalizes_from` target previews the real pattern', () => {
  assert.deepEqual(hoverAt(65, 20), {
    contents: { kind: 'markdown', value: `${ACTIVE_LISTENING_PREVIEW}\n\n---\n\nLink: generalizes_from, weight 0.85` },
    range: { start: { line: 65, character: 12 }, end: { line: 65, character: 34 } },
  });
});

test('hover on an inferred link target shows its confidence', () => {
  assert.deepEqual(hoverAt(161, 14), {
    contents: { kind: 'markdown', value: `${ACTIVE_LISTENING_PREVIEW}\n\n---\n\nInferred link: enables, confidence 0.95` },
    range: { start: { line: 161, character: 14 }, end: { line: 161, character: 36 } },
  });
});

test('hover on `emotional-safety`, which has no file here, says so', () => {
  assert.deepEqual(hoverAt(78, 12), {
    contents: { kind: 'markdown', value: "No pattern with slug 'emotional-safety' in the workspace" },
    range: { start: { line: 78, character: 12 }, end: { line: 78, character: 28 } },
  });
});

test('hover on the lifecycle `status` value describes it', () => {
  assert.deepEqual(hoverAt(56, 11), {
    contents: { kind: 'markdown', value: '`draft`: First draft, not yet reviewed.' },
    range: { start: { line: 56, character: 10 }, end: { line: 56, character: 15 } },
  });
});
