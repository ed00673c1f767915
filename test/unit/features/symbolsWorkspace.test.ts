import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { MAX_WORKSPACE_SYMBOLS, provideWorkspaceSymbols, TITLE_RANGE_BUDGET } from '../../../server/src/core/features/workspaceSymbols';
import { createNavWorkspace, readNavFixtures, uriOf } from './navWorkspace';

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const fixtures = readNavFixtures();

test('workspace symbols: a pattern found by alias is named by its title, located at its title', () => {
  const ws = createNavWorkspace(fixtures);
  assert.deepEqual(provideWorkspaceSymbols(ws.ctx, 'Safe'), [
    { name: 'Emotional Safety', kind: SymbolKind.File, containerName: 'emotional-safety', location: { uri: uriOf('emotional-safety.md'), range: range(6, 7, 25) } },
  ]);
});

test('workspace symbols match title, slug and alias, case-insensitively, by subsequence too', () => {
  const ws = createNavWorkspace(fixtures);
  const names = (query: string) => provideWorkspaceSymbols(ws.ctx, query).map((s) => s.name);
  assert.deepEqual(names('trb'), ['Therapeutic Relationship Building']);
  assert.deepEqual(names('TR'), ['Trust Circles', 'Therapeutic Relationship Building']);
  assert.deepEqual(names('listening'), ['Active Listening Depth']);
  assert.deepEqual(names('trust-circle'), ['Trust Circles']);
  assert.deepEqual(names('rel build'), ['Therapeutic Relationship Building']);
  assert.deepEqual(names('zzz'), []);
});

test('ranking: exact and prefix matches first, then word starts, then substrings, then subsequences', () => {
  const pattern = (slug: string, title: string) => `---\nslug: ${slug}\ntitle: "${title}"\n---\n`;
  const ws = createNavWorkspace({
    'self-awareness.md': pattern('self-awareness', 'Self Awareness Feedback Experiments'),
    'unsafe.md': pattern('unsafe', 'Unsafe Shortcuts'),
    'emotional.md': pattern('emotional', 'Emotional Safety'),
    'net.md': pattern('net', 'Safety Net'),
    'safe.md': pattern('safe', 'Safe'),
  });
  assert.deepEqual(provideWorkspaceSymbols(ws.ctx, 'safe').map((s) => s.name), [
    'Safe', 'Safety Net', 'Emotional Safety', 'Unsafe Shortcuts', 'Self Awareness Feedback Experiments',
  ]);
});

test('a pattern without a title is named by its slug', () => {
  const ws = createNavWorkspace({ 'no-title.md': '---\nslug: no-title\n---\n' });
  assert.deepEqual(provideWorkspaceSymbols(ws.ctx, 'no'), [
    { name: 'no-title', kind: SymbolKind.File, containerName: 'no-title', location: { uri: uriOf('no-title.md'), range: range(0, 0, 3) } },
  ]);
});

test('at most 200 symbols; the best ones carry the exact title range', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 250; i++) {
    const slug = `pattern-${String(i).padStart(3, '0')}`;
    files[`${slug}.md`] = `---\nslug: ${slug}\ntitle: "Pattern ${String(i).padStart(3, '0')}"\n---\n`;
  }
  const ws = createNavWorkspace(files);
  const symbols = provideWorkspaceSymbols(ws.ctx, 'pattern');
  assert.equal(symbols.length, MAX_WORKSPACE_SYMBOLS);
  assert.deepEqual(symbols[0], { name: 'Pattern 000', kind: SymbolKind.File, containerName: 'pattern-000', location: { uri: uriOf('pattern-000.md'), range: range(2, 7, 20) } });
  assert.deepEqual(symbols[TITLE_RANGE_BUDGET - 1].location.range, range(2, 7, 20));
  assert.deepEqual(symbols[TITLE_RANGE_BUDGET].location, { uri: uriOf(`pattern-0${TITLE_RANGE_BUDGET}.md`), range: range(0, 0, 0) });
  assert.equal(symbols[199].name, 'Pattern 199');
});
