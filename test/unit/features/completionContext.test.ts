import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { completeAt, createCompletionWorkspace, lines, patternText } from './completionWorkspace';

const OTHERS = { 'trust-building.md': patternText({ slug: 'trust-building', title: 'Trust Building' }) };

function complete(marked: string): CompletionList {
  return completeAt(marked, OTHERS);
}

const labels = (list: CompletionList) => list.items.map((i) => i.label);

test('no completion inside a comment, in the indentation before a dash, or inside a block scalar', () => {
  assert.deepEqual(labels(complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: t # tr|', '---'))), []);
  assert.deepEqual(labels(complete(lines('---', 'slug: me', 'relationships:', '  enables:', '  |  - slug: t', '---'))), []);
  assert.deepEqual(labels(complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - description: >-', '        tr|', '---'))), []);
});

test('a comment after the value does not belong to the range', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: tr| # to do', '---'));
  assert.deepEqual(list.items.map((i) => i.textEdit), [{ range: { start: { line: 4, character: 12 }, end: { line: 4, character: 14 } }, newText: 'trust-building' }]);
});

test('comment lines and blank lines between entries do not break the structure', () => {
  const list = complete(lines('---', 'slug: me', 'relationships:', '  # the human-curated graph', '  enables:', '', '    # first', '    - slug: |', '---'));
  assert.deepEqual(labels(list), ['trust-building']);
});

test('an unclosed frontmatter is YAML to the end of the file', () => {
  const list = complete(['---', 'slug: me', 'relationships:', '  enables:', '    - slug: |'].join('\n'));
  assert.deepEqual(labels(list), ['trust-building']);
});

test('a file without frontmatter gets nothing', () => {
  assert.deepEqual(labels(complete(lines('# Title', '', '|'))), []);
});

test('a position past the end of its line completes at the line end', () => {
  const ws = createCompletionWorkspace(OTHERS);
  const doc = ws.add('me.md', lines('---', 'slug: me', 'relationships:', '  enables:', '    - slug: tr', '---'));
  const list = provideCompletion(ws.ctx, doc, { line: 4, character: 99 });
  assert.deepEqual(list.items.map((i) => i.textEdit), [{ range: { start: { line: 4, character: 12 }, end: { line: 4, character: 14 } }, newText: 'trust-building' }]);
});

test('a multi-line quoted value that is never closed does not hide the lines after it', () => {
  const list = complete(lines('---', 'slug: me', 'title: "Half typed', 'relationships:', '  enables:', '    - slug: |', '---'));
  assert.deepEqual(labels(list), ['trust-building']);
});

test('a multi-line flow list is passed over to its closing bracket', () => {
  const list = complete(lines('---', 'slug: me', 'ontology:', '  search_hints:', '    vector_keywords: [', '      "a", "b",', '    ]', 'relationships:', '  enables:', '    - slug: |', '---'));
  assert.deepEqual(labels(list), ['trust-building']);
});

test('any text, even binary-looking or deeply indented, never throws', () => {
  const texts = ['---\n\u0000\u0001: [\n  - {', '---\n- - - -\n      - a:\n:\n', '---\n' + '  '.repeat(500) + 'a:', '---\r\r\n\t- x: "\\', '---\nkey: [a, {b: [c, '];
  for (const text of texts) {
    const ws = createCompletionWorkspace({});
    const doc = ws.add('me.md', text);
    for (let line = 0; line < doc.lines.lineCount; line++) {
      for (const character of [0, 1, 2, 5, 1000]) assert.doesNotThrow(() => provideCompletion(ws.ctx, doc, { line, character }));
    }
  }
});
