import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionList } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { loadPatternSchema, type SchemaNode } from '../../../server/src/core/schema/patternSchema';
import { completeAt, completionEdits, createCompletionWorkspace, lines, withCursor } from './completionWorkspace';

function complete(marked: string): CompletionList {
  return completeAt(marked);
}

/** The schema's own documentation of a field: the expected item documentation is what the schema says. */
function schemaDoc(path: Array<string | number>): string {
  const schema = loadPatternSchema();
  const node = schema.nodeAt(path) as SchemaNode;
  return node.markdownDescription!;
}

test('an empty line in a mapping offers the keys it does not have yet, in schema order', () => {
  const list = complete(lines('---', 'slug: me', 'lifecycle:', '  usage_stage: design', '  |', '  status: draft', '---'));
  assert.deepEqual(completionEdits(list), [
    'adoption_stage @4:2-4:2 => adoption_stage: $0',
    'version @4:2-4:2 => version: $0',
    'confidence @4:2-4:2 => confidence: $0',
  ]);
});

test('a key item carries the schema description with allowed values or range, and a type detail', () => {
  const list = complete(lines('---', 'slug: me', 'lifecycle:', '  |', '---'));
  const adoption = list.items.find((i) => i.label === 'adoption_stage')!;
  assert.equal(adoption.kind, CompletionItemKind.Property);
  assert.equal(adoption.detail, 'emerging | early_adopters | growth | mature');
  assert.deepEqual(adoption.documentation, {
    kind: 'markdown',
    value: `${schemaDoc(['lifecycle', 'adoption_stage'])}\n\nAllowed values: \`emerging\`, \`early_adopters\`, \`growth\`, \`mature\``,
  });
  assert.equal(adoption.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(adoption.insertTextMode, InsertTextMode.asIs);
  const confidence = list.items.find((i) => i.label === 'confidence')!;
  assert.equal(confidence.detail, 'integer 1–3');
  assert.deepEqual(confidence.documentation, { kind: 'markdown', value: `${schemaDoc(['lifecycle', 'confidence'])}\n\nRange: 1–3` });
});

test('top-level keys: lists and mappings open an indented block, scalars stay on the line', () => {
  const list = complete(lines('---', 'id: pat_01khvcxcmwee1s6wdhmrpk0x2d', 'slug: me', 'title: Me', 'summary: S', '|', '---'));
  assert.deepEqual(completionEdits(list), [
    'aliases @5:0-5:0 => aliases:\n  - $0',
    'context_labels @5:0-5:0 => context_labels:\n  $0',
    'ontology @5:0-5:0 => ontology:\n  $0',
    'lifecycle @5:0-5:0 => lifecycle:\n  $0',
    'relationships @5:0-5:0 => relationships:\n  $0',
    'graph_garden @5:0-5:0 => graph_garden:\n  $0',
    'contributors @5:0-5:0 => contributors:\n  - $0',
    'sources @5:0-5:0 => sources:\n  - $0',
    'license @5:0-5:0 => license: $0',
    'attribution @5:0-5:0 => attribution: $0',
    'provenance @5:0-5:0 => provenance:\n  $0',
  ]);
});

test('a partial key replaces the typed word; the YAML error it causes does not matter', () => {
  const marked = lines('---', 'slug: me', 'lifecycle:', '  status: draft', '  ver|', '  confidence: 2', '---');
  const ws = createCompletionWorkspace({});
  const { text, position } = withCursor(marked);
  const doc = ws.add('me.md', text);
  assert.ok(doc.yamlErrors.length > 0, 'the test text must not parse');
  assert.deepEqual(completionEdits(provideCompletion(ws.ctx, doc, position)), [
    'usage_stage @4:2-4:5 => usage_stage: $0',
    'adoption_stage @4:2-4:5 => adoption_stage: $0',
    'version @4:2-4:5 => version: $0',
  ]);
});

test('in a key that already has its colon only the name is replaced, as plain text', () => {
  const list = complete(lines('---', 'slug: me', 'lifecycle:', '  sta|tus: draft', '  version: 1', '---'));
  assert.deepEqual(completionEdits(list), [
    'usage_stage @3:2-3:8 => usage_stage',
    'adoption_stage @3:2-3:8 => adoption_stage',
    'status @3:2-3:8 => status',
    'confidence @3:2-3:8 => confidence',
  ]);
  assert.equal(list.items[0].insertTextFormat, InsertTextFormat.PlainText);
});

test('the audiences of context_labels', () => {
  const list = complete(lines('---', 'slug: me', 'context_labels:', '  corporate: Open Book', '  |', '---'));
  assert.deepEqual(completionEdits(list), ['government @4:2-4:2 => government: $0', 'activist @4:2-4:2 => activist: $0', 'tech @4:2-4:2 => tech: $0']);
});

test('relationship kinds open a list with a slug/weight entry, indented under the key', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables: []', '  |', '---'));
  assert.deepEqual(completionEdits(list).slice(0, 2), [
    'generalizes_from @4:2-4:2 => generalizes_from:\n    - slug: ${1}\n      weight: ${2:0.8}',
    'specializes_to @4:2-4:2 => specializes_to:\n    - slug: ${1}\n      weight: ${2:0.8}',
  ]);
  assert.equal(list.items.some((i) => i.label === 'enables'), false);
});

test('an empty line under an opened relationship kind offers a whole new entry', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    |', '---'));
  assert.deepEqual(completionEdits(list), ['- slug, weight @4:4-4:4 => - slug: ${1}\n      weight: ${2:0.8}']);
  const afterEntries = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '  - slug: a', '    weight: 0.9', '  |', '---'));
  assert.deepEqual(completionEdits(afterEntries), ['- slug, weight @6:2-6:2 => - slug: ${1}\n    weight: ${2:0.8}'], 'a list not indented under its key');
});

test('the keys of a relationship entry that it lacks', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: a', '      |', '---'));
  assert.deepEqual(completionEdits(list), ['id @5:6-5:6 => id: $0', 'weight @5:6-5:6 => weight: $0', 'description @5:6-5:6 => description: $0']);
});

test('`- |` in a list of mappings offers the keys of a new entry at the content column', () => {
  const list = complete(lines('---', 'slug: me', 'graph_garden:', '  entities:', '    - |', '---'));
  assert.deepEqual(completionEdits(list), ['id @4:6-4:6 => id: $0', 'type @4:6-4:6 => type: $0', 'label @4:6-4:6 => label: $0', 'relevance @4:6-4:6 => relevance: $0']);
});

test('no keys where a line continues a scalar or sits deeper than any mapping', () => {
  assert.deepEqual(complete(lines('---', 'slug: me', 'summary: >-', '  Some text', '  |', '---')).items, []);
  assert.deepEqual(complete(lines('---', 'slug: me', 'title: A long', '  |', '---')).items, []);
  assert.deepEqual(complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: a', '        |', '---')).items, []);
});

test('after a block scalar ends, the next line at its key column gets keys again', () => {
  const list = complete(lines('---', 'slug: me', 'summary: >-', '  Some text', '|', '---'));
  assert.equal(list.items[0].label, 'id');
  assert.equal(list.items.some((i) => i.label === 'summary' || i.label === 'slug'), false);
});
