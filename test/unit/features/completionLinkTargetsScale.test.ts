import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { MAX_TARGET_ITEMS } from '../../../server/src/core/features/completion/linkTargetCompletion';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { createCompletionWorkspace, lines, uriOf, withCursor } from './completionWorkspace';

const SLUG_COUNT = 20_000;

/** A workspace of 20,000 patterns (`pattern-00000` … `pattern-19999`, titled "Practice 0" …), indexed from data. */
function largeWorkspace() {
  const ws = createCompletionWorkspace({});
  for (let i = 0; i < SLUG_COUNT; i++) {
    const slug = `pattern-${String(i).padStart(5, '0')}`;
    ws.ctx.index.set(summarizePattern(uriOf(`${slug}.md`), { slug, title: `Practice ${i}`, summary: `Summary ${i}` })!);
  }
  return ws;
}

test('20,000 slugs: an empty value answers the first 200 by slug, marked incomplete', () => {
  const ws = largeWorkspace();
  const { text, position } = withCursor(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: |', '---'));
  const doc = ws.add('me.md', text);
  // Speed is measured by the benchmark (npm run bench), not here.
  const list = provideCompletion(ws.ctx, doc, position);
  assert.equal(MAX_TARGET_ITEMS, 200);
  assert.equal(list.items.length, 200);
  assert.equal(list.isIncomplete, true);
  assert.equal(list.items[0].label, 'pattern-00000');
  assert.equal(list.items[199].label, 'pattern-00199');
});

test('20,000 slugs: a typed prefix narrows the list, prefix matches first, still capped', () => {
  const ws = largeWorkspace();
  const { text, position } = withCursor(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: pattern-1999|', '---'));
  const list = provideCompletion(ws.ctx, ws.add('me.md', text), position);
  assert.deepEqual(list.items.slice(0, 11).map((i) => i.label), [
    'pattern-19990', 'pattern-19991', 'pattern-19992', 'pattern-19993', 'pattern-19994',
    'pattern-19995', 'pattern-19996', 'pattern-19997', 'pattern-19998', 'pattern-19999',
    // then substring and letters-in-order matches, by slug: the client's fuzzy filter may show them too
    'pattern-01999',
  ]);
  assert.equal(list.isIncomplete, true);
  assert.ok(list.items.length <= 200);
});

test('20,000 slugs: a title word finds its pattern', () => {
  const ws = largeWorkspace();
  const { text, position } = withCursor(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: "practice 12345|"', '---'));
  const list = provideCompletion(ws.ctx, ws.add('me.md', text), position);
  assert.deepEqual(list.items.map((i) => i.label), ['pattern-12345']);
  assert.equal(list.items[0].filterText, 'pattern-12345 Practice 12345');
});
