import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { provideHover } from '../../../server/src/core/features/hover';
import { createCompletionWorkspace, lines, patternText, withCursor } from './completionWorkspace';

const OTHERS: Record<string, string> = {
  'emotional-safety.md': patternText({
    slug: 'emotional-safety', title: 'Emotional Safety', summary: 'People can speak up without fear.', domain: 'mindfulness-presence',
    overallScore: 3.8, vitality: 4.6, labels: { corporate: 'Psychological Safety', government: 'Safe Reporting', community: 'Brave Space' },
  }),
  'trust-building.md': patternText({ slug: 'trust-building', title: 'Trust Building' }),
};

const EMOTIONAL_SAFETY_PREVIEW = [
  '**Emotional Safety** · `emotional-safety`',
  'People can speak up without fear.',
  'Domain: mindfulness-presence · Overall score: 3.8 · Vitality: Generative (4.6)',
  '- corporate: Psychological Safety\n- government: Safe Reporting\n- community: Brave Space',
  '[Open](file:///workspace/emotional-safety.md)',
].join('\n\n');

function hover(marked: string): Hover | undefined {
  const ws = createCompletionWorkspace(OTHERS);
  const { text, position } = withCursor(marked);
  return provideHover(ws.ctx, ws.add('me.md', text), position);
}

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

test('a relationship target: the linked pattern preview and this link\'s kind and weight; range = the target', () => {
  const result = hover(lines('---', 'slug: me', 'relationships:', '  requires:', '    - slug: emotional-s|afety', '      weight: 0.92', '---'));
  assert.deepEqual(result, {
    contents: { kind: 'markdown', value: `${EMOTIONAL_SAFETY_PREVIEW}\n\n---\n\nLink: requires, weight 0.92` },
    range: range(4, 12, 28),
  });
});

test('a bare string entry has no weight; a quoted target\'s range includes its quotes', () => {
  const bare = hover(lines('---', 'slug: me', 'relationships:', '  enables:', '    - tru|st-building', '---'));
  assert.deepEqual(bare, {
    contents: { kind: 'markdown', value: '**Trust Building** · `trust-building`\n\n[Open](file:///workspace/trust-building.md)\n\n---\n\nLink: enables' },
    range: range(4, 6, 20),
  });
  const quoted = hover(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: "trust-building|"', '---'));
  assert.deepEqual(quoted?.range, range(4, 12, 28));
});

test('an inferred link shows its type and confidence', () => {
  const result = hover(lines('---', 'slug: me', 'graph_garden:', '  inferred_links:', '    - target: |trust-building', '      type: complementary', '      confidence: 0.8', '---'));
  assert.equal(result?.contents && (result.contents as { value: string }).value.split('\n\n---\n\n')[1], 'Inferred link: complementary, confidence 0.8');
  assert.deepEqual(result?.range, range(4, 14, 28));
});

test('a broken target says so, with the closest slug when one is close', () => {
  const typo = hover(lines('---', 'slug: me', 'relationships:', '  requires:', '    - slug: emotional-safetey|', '---'));
  assert.deepEqual(typo, {
    contents: { kind: 'markdown', value: "No pattern with slug 'emotional-safetey' in the workspace\n\nDid you mean `emotional-safety`?" },
    range: range(4, 12, 29),
  });
  const unknown = hover(lines('---', 'slug: me', 'relationships:', '  requires:', '    - slug: quantum-|gardening', '---'));
  assert.deepEqual(unknown?.contents, { kind: 'markdown', value: "No pattern with slug 'quantum-gardening' in the workspace" });
});

test('UTF-16 columns: an emoji earlier on the line', () => {
  const result = hover(lines('---', 'slug: me', 'relationships:', '  enables:', '    - {description: "🌱 grows", slug: trust-b|uilding}', '---'));
  assert.deepEqual(result?.range, range(4, 38, 52));
});

test('CRLF line endings give the same range', () => {
  const result = hover(['---', 'slug: me', 'relationships:', '  requires:', '    - slug: emotional-s|afety', '      weight: 0.92', '---', ''].join('\r\n'));
  assert.deepEqual(result?.range, range(4, 12, 28));
  assert.ok((result?.contents as { value: string }).value.endsWith('Link: requires, weight 0.92'));
});

test('the end of the target still counts (where an editor leaves the cursor); the comment after it does not', () => {
  assert.deepEqual(hover(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: trust-building|  # note', '---'))?.range, range(4, 12, 26));
  assert.equal(hover(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: trust-building  # no|te', '---')), undefined);
});
