import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { provideDocumentSymbols } from '../../../server/src/core/features/documentSymbols';
import { createNavWorkspace, readNavFixtures } from './navWorkspace';

const range = (startLine: number, start: number, endLine: number, end: number): Range => ({ start: { line: startLine, character: start }, end: { line: endLine, character: end } });
const key = (name: string, kind: SymbolKind, detail: string | undefined, r: Range, selection: Range): DocumentSymbol => ({ name, kind, detail, range: r, selectionRange: selection, children: [] });

const fixtures = readNavFixtures();

test('document symbols: the groups with their keys, then the sections', () => {
  const ws = createNavWorkspace(fixtures);
  assert.deepEqual(provideDocumentSymbols(ws.ctx, ws.doc('emotional-safety.md')), [
    {
      name: 'Group 1: Core Identity',
      kind: SymbolKind.Namespace,
      range: range(4, 0, 9, 77),
      selectionRange: range(4, 0, 4, 2),
      children: [
        key('id', SymbolKind.Property, 'pat_01khvcxcmwee1s6wdhmrpk0x3a', range(4, 0, 4, 34), range(4, 0, 4, 2)),
        key('slug', SymbolKind.Property, 'emotional-safety', range(5, 0, 5, 22), range(5, 0, 5, 4)),
        key('title', SymbolKind.Property, 'Emotional Safety', range(6, 0, 6, 25), range(6, 0, 6, 5)),
        key('aliases', SymbolKind.Array, '2 items', range(7, 0, 7, 47), range(7, 0, 7, 7)),
        key('summary', SymbolKind.Property, 'People can show feelings and doubts without fear of ridicul…', range(8, 0, 9, 77), range(8, 0, 8, 7)),
      ],
    },
    {
      name: 'Group 3: Ontology & Search Optimization',
      kind: SymbolKind.Namespace,
      range: range(14, 0, 29, 22),
      selectionRange: range(14, 0, 14, 8),
      children: [key('ontology', SymbolKind.Object, undefined, range(14, 0, 29, 22), range(14, 0, 14, 8))],
    },
    {
      name: 'Group 5: Hard Relationships',
      kind: SymbolKind.Namespace,
      range: range(34, 0, 40, 30),
      selectionRange: range(34, 0, 34, 13),
      children: [key('relationships', SymbolKind.Object, undefined, range(34, 0, 40, 30), range(34, 0, 34, 13))],
    },
    { name: 'Section 1: Context', kind: SymbolKind.String, range: range(47, 0, 51, 3), selectionRange: range(47, 0, 47, 22), children: [] },
    { name: 'Section 2: Problem', kind: SymbolKind.String, range: range(53, 0, 59, 3), selectionRange: range(53, 0, 53, 22), children: [] },
    { name: 'Section 3: Solution', kind: SymbolKind.String, range: range(61, 0, 63, 41), selectionRange: range(61, 0, 61, 23), children: [] },
  ]);
});

/** LSP: a symbol's selectionRange lies inside its range, and children inside their parent. */
function assertNested(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of symbols) {
    assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `${s.name}: selectionRange outside range`);
    if (parent) assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), `${s.name} outside ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}

test('the real example: all seven groups and eight sections, each nested correctly', () => {
  const ws = createNavWorkspace(fixtures);
  const symbols = provideDocumentSymbols(ws.ctx, ws.doc('therapeutic-relationship-building.md'));
  assert.deepEqual(symbols.map((s) => s.name), [
    'Group 1: Core Identity',
    'Group 2: Contextual Translation',
    'Group 3: Ontology & Search Optimization',
    'Group 4: Lifecycle & Confidence',
    'Group 5: Hard Relationships',
    'Group 6: Graph Garden',
    'Group 7: Provenance',
    'Section 1: Context',
    'Section 2: Problem',
    'Section 3: Solution',
    'Section 4: Implementation',
    'Section 5: Consequences',
    'Section 6: Known Uses',
    'Section 7: Cognitive Era',
    'Section 8: Vitality',
  ]);
  assert.deepEqual(symbols[6].children?.map((c) => [c.name, c.kind, c.detail]), [
    ['contributors', SymbolKind.Array, '2 items'],
    ['sources', SymbolKind.Array, '1 item'],
    ['license', SymbolKind.Property, 'CC-BY-SA-4.0'],
    ['attribution', SymbolKind.Property, 'commons.engineering by cloudsters, https://cloudsters.net'],
  ]);
  assert.deepEqual([symbols[6].range, symbols[14].range.start], [range(212, 0, 216, 72), { line: 308, character: 0 }]);
  assertNested(symbols);
});

test('keys outside every group are listed on their own; a CRLF file with a BOM gives the same ranges', () => {
  const text = '---\nslug: odd\nmy_notes: |\n  first\n  second\ntitle: Odd\n---\n### Section 1: Context\n\nText 😀\n';
  for (const variant of [text, '\uFEFF' + text.replace(/\n/g, '\r\n')]) {
    const ws = createNavWorkspace({ 'odd.md': variant });
    assert.deepEqual(provideDocumentSymbols(ws.ctx, ws.doc('odd.md')), [
      {
        name: 'Group 1: Core Identity',
        kind: SymbolKind.Namespace,
        range: range(1, 0, 5, 10),
        selectionRange: range(1, 0, 1, 4),
        children: [
          key('slug', SymbolKind.Property, 'odd', range(1, 0, 1, 9), range(1, 0, 1, 4)),
          key('title', SymbolKind.Property, 'Odd', range(5, 0, 5, 10), range(5, 0, 5, 5)),
        ],
      },
      key('my_notes', SymbolKind.Property, 'first second', range(2, 0, 4, 8), range(2, 0, 2, 8)),
      { name: 'Section 1: Context', kind: SymbolKind.String, range: range(7, 0, 9, 7), selectionRange: range(7, 0, 7, 22), children: [] },
    ]);
  }
});

test('a file without frontmatter has only its sections; broken YAML gives no crash', () => {
  const ws = createNavWorkspace({ 'plain.md': '# Notes\n### Section 2: Problem\ntext\n', 'broken.md': '---\nslug: [unclosed\n---\n' });
  assert.deepEqual(provideDocumentSymbols(ws.ctx, ws.doc('plain.md')).map((s) => [s.name, s.range]), [['Section 2: Problem', range(1, 0, 2, 4)]]);
  assert.ok(Array.isArray(provideDocumentSymbols(ws.ctx, ws.doc('broken.md'))));
});
