import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { HoverRequest, type MarkupContent, type Hover } from 'vscode-languageserver-protocol/node';
import { LspTestClient, REPO_ROOT, shapeOf } from './lspTestClient';

/** The real Commons OS library (3,616 files), next to the repository; read only. */
const LIBRARY = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');

describe('the real pattern library', { timeout: 180_000 }, () => {
  it('indexes 3,616 files with progress, then checks and hovers the reference example', async (t) => {
    if (!fs.existsSync(LIBRARY)) {
      const why = `NOT RUN: the real pattern library is not at ${LIBRARY}; only the fixture workspace was tested`;
      t.diagnostic(why);
      console.warn(`\n*** ${why} ***\n`);
      return;
    }
    const client = await LspTestClient.start(LIBRARY);
    try {
      const ready = await client.waitFor('commonsPatterns/indexReady', () => client.indexReady[0], 120_000);
      assert.deepEqual(ready, { patterns: 3616 });
      assert.ok(client.progressMessages.includes('Indexing patterns 1,200/3,616'), client.progressMessages.join('\n'));
      assert.equal(client.progressMessages.at(-1), 'Indexing patterns 3,616/3,616');

      const since = client.mark();
      const uri = await client.open('therapeutic-relationship-building.md');
      const published = await client.waitForDiagnostics(uri, since, () => true, 30_000);
      // `requires: - slug: emotional-safety` names no file of this library.
      assert.ok(published.diagnostics.map(shapeOf).includes('broken-relationship 2 78:12-78:28'), published.diagnostics.map(shapeOf).join('\n'));

      // `enables: - slug: active-listening-depth` (line 71) resolves: its hover shows the target's title.
      const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 71, character: 14 } })) as Hover;
      assert.deepEqual(hover.range, { start: { line: 71, character: 12 }, end: { line: 71, character: 34 } });
      assert.match((hover.contents as MarkupContent).value, /^\*\*Active Listening Depth\*\*/);
    } finally {
      await client.stop();
    }
  });
});
