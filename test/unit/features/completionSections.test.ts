import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver-types';
import { completeAt, lines } from './completionWorkspace';

function complete(marked: string): CompletionList {
  return completeAt(marked);
}

const HEAD = ['---', 'slug: me', '---', ''];

test('after Section 3, an empty line offers the Section 4 heading', () => {
  const list = complete(lines(...HEAD, '### Section 1: Context', 'a', '### Section 2: Problem', 'b', '### Section 3: Solution', 'c', '', '|'));
  assert.equal(list.items.length, 1);
  const item = list.items[0];
  assert.equal(item.label, '### Section 4: Implementation');
  assert.equal(item.kind, CompletionItemKind.Keyword);
  assert.equal(item.detail, 'Section 4 of 8 · 300–500 words');
  assert.equal(item.filterText, '### Section 4: Implementation');
  assert.deepEqual(item.textEdit, { range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, newText: '### Section 4: Implementation' });
  assert.equal((item.documentation as { kind: string }).kind, 'markdown');
});

test('a `#`-prefixed line is replaced whole, and the heading being typed does not count as present', () => {
  const list = complete(lines(...HEAD, '### Section 1: Context', 'a', '', '### Sec|'));
  assert.deepEqual(list.items.map((i) => [i.label, i.textEdit]), [
    ['### Section 2: Problem', { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 7 } }, newText: '### Section 2: Problem' }],
  ]);
  const typed = complete(lines(...HEAD, '### Section 1: Context', 'a', '', '### Section 2: Pro|'));
  assert.deepEqual(typed.items.map((i) => i.label), ['### Section 2: Problem']);
});

test('a body without sections starts with Section 1', () => {
  const list = complete(lines(...HEAD, '# Title', '', '|'));
  assert.deepEqual(list.items.map((i) => i.label), ['### Section 1: Context']);
});

test('nothing when the next section is already there, or on a line of prose', () => {
  assert.deepEqual(complete(lines(...HEAD, '### Section 1: Context', '', '|', '', '### Section 2: Problem')).items, []);
  assert.deepEqual(complete(lines(...HEAD, '### Section 1: Context', 'Some prose|')).items, []);
});

test('CRLF: the range ends before the line break', () => {
  const list = complete(['---', 'slug: me', '---', '### Section 1: Context', 'a', '##|', ''].join('\r\n'));
  assert.deepEqual(list.items[0].textEdit, { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, newText: '### Section 2: Problem' });
});

test('the fences are neither frontmatter nor body', () => {
  assert.deepEqual(complete(['---', 'slug: me', '---|', '### Section 1: Context', ''].join('\n')).items, []);
  assert.deepEqual(complete(['---|', 'slug: me', '---', ''].join('\n')).items, []);
});
