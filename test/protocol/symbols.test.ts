import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DocumentLinkRequest, DocumentSymbolRequest, FoldingRangeRequest, SymbolKind, WorkspaceSymbolRequest,
  type DocumentSymbol, type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { startOnFixtureCopy, type LspTestClient } from './lspTestClient';

const range = (startLine: number, start: number, endLine: number, end: number) =>
  ({ start: { line: startLine, character: start }, end: { line: endLine, character: end } });

describe('symbols, folding and document links over the protocol', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;
  let uri: string;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
    uri = await client.open('active-listening.md');
  });
  after(() => dispose());

  it('lists the seven frontmatter groups (with their keys) and the eight sections as document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), [
      'Group 1: Core Identity', 'Group 2: Contextual Translation', 'Group 3: Ontology & Search Optimization',
      'Group 4: Lifecycle & Confidence', 'Group 5: Hard Relationships', 'Group 6: Graph Garden', 'Group 7: Provenance',
      'Section 1: Context', 'Section 2: Problem', 'Section 3: Solution', 'Section 4: Implementation',
      'Section 5: Consequences', 'Section 6: Known Uses', 'Section 7: Cognitive Era', 'Section 8: Vitality',
    ]);
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['id', 'slug', 'title', 'aliases', 'summary']);
    assert.deepEqual(symbols[0].range, range(1, 0, 7, 24));
    assert.deepEqual(symbols[4].children!.map((c) => c.name), ['relationships']);
    assert.deepEqual(symbols[4].range, range(41, 0, 47, 17));
    assert.deepEqual(symbols[6].children!.map((c) => c.name), ['license', 'attribution']);
    const context = symbols[7];
    assert.deepEqual([context.range, context.selectionRange], [range(62, 0, 64, 40), range(62, 0, 62, 22)]);
    const vitality = symbols[14];
    assert.deepEqual([vitality.range, vitality.selectionRange], [range(90, 0, 92, 32), range(90, 0, 90, 23)]);
  });

  it('finds patterns by title, slug and alias as workspace symbols', async () => {
    const byTitle = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'trust' })) as SymbolInformation[];
    assert.deepEqual(byTitle, [{
      name: 'Trust Circles', kind: SymbolKind.File, containerName: 'trust-circles',
      location: { uri: client.uri('trust-circles.md'), range: range(3, 7, 3, 22) },
    }]);
    const byAlias = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'deep' })) as SymbolInformation[];
    assert.deepEqual(byAlias.map((s) => [s.name, s.location.uri]), [['Active Listening', client.uri('active-listening.md')]]);
    const bySlug = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'crlf-pattern' })) as SymbolInformation[];
    assert.deepEqual(bySlug.map((s) => [s.name, s.location.uri]), [['CRLF Pattern', client.uri('crlf-pattern.md')]]);
  });

  it('folds the frontmatter, each group, multi-line values and each section', async () => {
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(folds!.map((f) => [f.startLine, f.endLine]), [
      [0, 58], // the whole frontmatter, fence to fence
      [1, 7], [5, 7], [9, 13], [15, 32], [18, 19], [20, 22], [23, 32], [34, 39], [41, 47], [42, 44], [45, 47], [49, 54], [50, 54], [56, 57],
      [62, 64], [66, 68], [70, 72], [74, 76], [78, 80], [82, 84], [86, 88], [90, 92], // the eight sections
    ]);
  });

  it('makes every resolvable target a link to its file', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.deepEqual(links!.map((l) => [l.range, l.target]), [
      [range(43, 12, 43, 28), client.uri('emotional-safety.md')],
      [range(46, 12, 46, 25), client.uri('trust-circles.md')],
      [range(51, 14, 51, 30), client.uri('emotional-safety.md')],
    ]);
  });
});
