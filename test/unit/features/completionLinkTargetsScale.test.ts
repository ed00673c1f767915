import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { MAX_TARGET_ITEMS } from '../../../server/src/core/features/completion/linkTargetCompletion';
import { MAX_SUBSEQUENCE_VISITS } from '../../../server/src/core/features/completion/slugRanking';
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
  assert.deepEqual(list.items.map((i) => i.label), [
    'pattern-19990', 'pattern-19991', 'pattern-19992', 'pattern-19993', 'pattern-19994',
    'pattern-19995', 'pattern-19996', 'pattern-19997', 'pattern-19998', 'pattern-19999',
    // No slug or title contains the text elsewhere. Letters-in-order matches are looked for among
    // the first MAX_SUBSEQUENCE_VISITS slugs only ('me', 'pattern-00000' … 'pattern-01998'), which
    // hold none ('pattern-01999' is the next), so the list stops here, marked incomplete.
  ]);
  assert.equal(MAX_SUBSEQUENCE_VISITS, 2000);
  assert.equal(list.isIncomplete, true);
});

test('20,000 slugs: a text in the middle of slugs finds them through the name grams, by slug', () => {
  const ws = largeWorkspace();
  const { text, position } = withCursor(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: n-1234|', '---'));
  const list = provideCompletion(ws.ctx, ws.add('me.md', text), position);
  // Substrings first (by slug), then the letters-in-order matches among the first 2,000 slugs (a
  // full pass would go on with 'pattern-10234', 'pattern-11234' …).
  assert.deepEqual(list.items.map((i) => i.label), [
    'pattern-12340', 'pattern-12341', 'pattern-12342', 'pattern-12343', 'pattern-12344',
    'pattern-12345', 'pattern-12346', 'pattern-12347', 'pattern-12348', 'pattern-12349',
    'pattern-01234',
  ]);
  assert.equal(list.isIncomplete, true);
});

test('20,000 slugs: a title word finds its pattern', () => {
  const ws = largeWorkspace();
  const { text, position } = withCursor(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: "practice 12345|"', '---'));
  const list = provideCompletion(ws.ctx, ws.add('me.md', text), position);
  assert.deepEqual(list.items.map((i) => i.label), ['pattern-12345']);
  assert.equal(list.items[0].filterText, 'pattern-12345 Practice 12345');
});
