import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideBacklinks } from '../../../server/src/core/features/backlinks';
import type { FeatureContext } from '../../../server/src/core/features/featureContext';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

const schema = loadPatternSchema();
const uriOf = (name: string) => `file:///lib/${name}.md`;

/**
 * An in-memory workspace: every file is indexed; the host serves the parsed files except the
 * `unreadable` ones (as if deleted since indexing).
 */
function workspace(files: Record<string, string>, unreadable: string[] = []): { ctx: FeatureContext; docs: Map<string, PatternDocument> } {
  const index = new WorkspaceIndex();
  const docs = new Map<string, PatternDocument>();
  for (const [name, text] of Object.entries(files)) {
    const doc = parsePatternDocument(uriOf(name), text);
    docs.set(doc.uri, doc);
    const summary = summarizePattern(doc.uri, doc.data);
    if (summary) index.set(summary);
  }
  const readable = (uri: string) => docs.has(uri) && !unreadable.map(uriOf).includes(uri);
  const host = { getDocument: (uri: string) => (readable(uri) ? docs.get(uri) : undefined), isOpen: () => false, exists: readable };
  return { ctx: { index, schema, validator: createSchemaValidator(schema), settings: DEFAULT_SETTINGS, host }, docs };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const FILES = {
  target: ['---', 'id: pat_target1', 'slug: target', 'title: The Target', '---', ''].join('\n'),
  alpha: [
    '---',
    'slug: alpha',
    'title: "Alpha <b>"',
    'relationships:',
    '  complementary:',
    '    - other',
    '    - "target"',
    '  enables:',
    '    - slug: target',
    '      weight: 0.9',
    'graph_garden:',
    '  inferred_links:',
    '    - target: target',
    '      type: enabler',
    '      confidence: 0.7',
    '---',
    '',
  ].join('\n'),
  beta: [
    '---',
    'slug: beta',
    'relationships:',
    '  requires:',
    '    - id: pat_target1',
    '  enables:',
    '    - slug: target',
    '    - slug: other',
    '    - slug: target',
    '---',
    '',
  ].join('\n'),
  unrelated: ['---', 'slug: unrelated', 'relationships:', '  enables: [alpha]', '---', ''].join('\n'),
};

test('every link to a pattern, by its slug or its id, with the exact range of the target in the linking file', () => {
  const { ctx, docs } = workspace(FILES);
  const items = provideBacklinks(ctx, docs.get(uriOf('target'))!);
  assert.deepEqual(items.map((i) => [i.slug, i.kind, i.source, i.range]), [
    // Relationship kinds in the schema's order (enables, requires, complementary), then inferred links.
    ['alpha', 'enables', 'relationship', range(8, 12, 8, 18)],
    ['beta', 'enables', 'relationship', range(6, 12, 6, 18)],
    // The same target twice in one list: each link gets its own range.
    ['beta', 'enables', 'relationship', range(8, 12, 8, 18)],
    ['beta', 'requires', 'relationship', range(4, 10, 4, 21)],
    // A quoted plain-string entry: the range is the text inside the quotes.
    ['alpha', 'complementary', 'relationship', range(6, 7, 6, 13)],
    ['alpha', 'enabler', 'inferred', range(12, 14, 12, 20)],
  ]);
  const alpha = items.find((i) => i.slug === 'alpha')!;
  assert.deepEqual([alpha.uri, alpha.title], [uriOf('alpha'), 'Alpha <b>']);
  const beta = items.find((i) => i.slug === 'beta')!;
  assert.deepEqual([beta.uri, beta.title], [uriOf('beta'), undefined]);
});

test('a pattern nobody links to has no backlinks; a non-pattern file has none either', () => {
  const { ctx, docs } = workspace(FILES);
  assert.deepEqual(provideBacklinks(ctx, docs.get(uriOf('beta'))!), []);
  assert.deepEqual(provideBacklinks(ctx, parsePatternDocument('file:///lib/README.md', '# Read me\n')), []);
});

test('the slug in the edited text counts, not the one indexed from disk', () => {
  const { ctx } = workspace(FILES);
  // The open target has been renamed to `alpha` in the editor: links to `alpha` are its backlinks now.
  const edited = parsePatternDocument(uriOf('target'), '---\nslug: alpha\n---\n', 2);
  assert.deepEqual(provideBacklinks(ctx, edited).map((i) => [i.slug, i.kind, i.range]), [['unrelated', 'enables', range(3, 12, 3, 17)]]);
});

test('a linking file that cannot be read any more is still listed, at its start', () => {
  const { ctx, docs } = workspace(FILES, ['beta']);
  const items = provideBacklinks(ctx, docs.get(uriOf('target'))!).filter((i) => i.slug === 'beta');
  assert.deepEqual(items.map((i) => [i.kind, i.range]), [
    ['enables', range(0, 0, 0, 0)], ['enables', range(0, 0, 0, 0)], ['requires', range(0, 0, 0, 0)],
  ]);
});
