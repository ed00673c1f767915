import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { provideHover } from '../../../server/src/core/features/hover';
import { loadPatternSchema, type SchemaNode } from '../../../server/src/core/schema/patternSchema';
import { createCompletionWorkspace, lines, withCursor } from './completionWorkspace';

function hover(marked: string): Hover | undefined {
  const ws = createCompletionWorkspace({});
  const { text, position } = withCursor(marked);
  return provideHover(ws.ctx, ws.add('me.md', text), position);
}

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The expected text is the schema's own documentation: hover must show what the schema says. */
function schemaDoc(path: Array<string | number>): string {
  return (loadPatternSchema().nodeAt(path) as SchemaNode).markdownDescription!;
}

test('a key: its schema description and its allowed values; range = the key', () => {
  assert.deepEqual(hover(lines('---', 'slug: me', 'lifecycle:', '  sta|tus: draft', '---')), {
    contents: { kind: 'markdown', value: `${schemaDoc(['lifecycle', 'status'])}\n\nAllowed values: \`draft\`, \`revised\`, \`review\`, \`stable\`, \`published\`, \`deprecated\`` },
    range: range(3, 2, 8),
  });
});

test('a score key: its description and range', () => {
  const result = hover(lines('---', 'slug: me', 'ontology:', '  commons_assessment:', '    res|ilience: 3', '---'));
  assert.deepEqual(result, {
    contents: { kind: 'markdown', value: `${schemaDoc(['ontology', 'commons_assessment', 'resilience'])}\n\nRange: 0–5` },
    range: range(4, 4, 14),
  });
});

test('a list key whose items are enum values lists them', () => {
  assert.deepEqual(hover(lines('---', 'slug: me', 'ontology:', '  commons_|domain: [life]', '---')), {
    contents: {
      kind: 'markdown',
      value: `${schemaDoc(['ontology', 'commons_domain'])}\n\nAllowed items: \`business\`, \`security\`, \`startup\`, \`urban\`, \`ecology\`, \`life\`, \`platform\``,
    },
    range: range(3, 2, 16),
  });
});

test('a key inside a list entry, and a relationship kind', () => {
  const entity = hover(lines('---', 'slug: me', 'graph_garden:', '  entities:', '    - id: x', '      rele|vance: 0.9', '---'));
  assert.deepEqual(entity?.contents, { kind: 'markdown', value: `${schemaDoc(['graph_garden', 'entities', 0, 'relevance'])}\n\nRange: 0–1` });
  assert.deepEqual(entity?.range, range(5, 6, 15));
  const kind = hover(lines('---', 'slug: me', 'relationships:', '  ena|bles: []', '---'));
  assert.deepEqual(kind, { contents: { kind: 'markdown', value: schemaDoc(['relationships', 'enables']) }, range: range(3, 2, 9) });
});

test('an enum value: that value\'s description; range = the value', () => {
  assert.deepEqual(hover(lines('---', 'slug: me', 'lifecycle:', '  status: dr|aft', '---')), {
    contents: { kind: 'markdown', value: '`draft`: First draft, not yet reviewed.' },
    range: range(3, 10, 15),
  });
  const kinds = loadPatternSchema().nodeAt(['graph_garden', 'inferred_links', 0, 'type']) as SchemaNode;
  const requiresDoc = (kinds.markdownEnumDescriptions as string[])[(kinds.enum as string[]).indexOf('requires')];
  assert.deepEqual(hover(lines('---', 'slug: me', 'graph_garden:', '  inferred_links:', '    - target: x', '      type: "requi|res"', '---')), {
    contents: { kind: 'markdown', value: `\`requires\`: ${requiresDoc}` },
    range: range(5, 12, 22),
  });
});

test('an enum item of a list', () => {
  const result = hover(lines('---', 'slug: me', 'ontology:', '  commons_domain: [life, ecol|ogy]', '---'));
  assert.deepEqual(result?.range, range(3, 25, 32));
  assert.ok((result?.contents as { value: string }).value.startsWith('`ecology`: '));
});

test('nothing for free text, unknown keys, values outside the enum, the body, or a file without frontmatter', () => {
  assert.equal(hover(lines('---', 'slug: me', 'title: Some ti|tle', '---')), undefined);
  assert.equal(hover(lines('---', 'slug: me', 'colour: bl|ue', '---')), undefined);
  assert.equal(hover(lines('---', 'slug: me', 'lifecycle:', '  status: fin|ished', '---')), undefined);
  assert.equal(hover(lines('---', 'slug: me', '---', '### Section 1: Con|text')), undefined);
  assert.equal(hover(lines('# Title', 'sta|tus: draft')), undefined);
});

test('CRLF and an emoji earlier on the line', () => {
  const result = hover(['---', 'slug: me', 'lifecycle: {version: "🌱", sta|tus: review}', ''].join('\r\n'));
  assert.deepEqual(result?.range, range(2, 27, 33));
});
