import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

/** Typed one character per change: 20 changes, and never a pattern's slug until the 16th. */
const TYPED = 'emotional-safety-net';
/** The slugs of the fixture workspace that a prefix of TYPED could name. */
const EXISTING = new Set(['emotional-safety']);
/** After the last keystroke: longer than the server's quiet time (75 ms) and a check. */
const SETTLE_MS = 1500;

/** What the diagnostics of version `version` must be: a broken link at the slug typed so far, unless it names a pattern. */
function expectedFor(version: number): string[] {
  const typed = TYPED.slice(0, version - 1);
  return EXISTING.has(typed) ? [] : [`broken-relationship 2 48:12-48:${12 + typed.length}`];
}

describe('typing fast: diagnostics are published for current versions only, in order', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('20 changes without waiting: versions never go back, every published version has its own text\'s diagnostics, the last one is published', async () => {
    const since = client.mark();
    const uri = await client.open('active-listening.md');
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    const burst = client.mark();
    // Version 2 starts a new entry in `complementary` on line 48 with the first letter; versions 3-21 type the rest.
    const changes = [{ range: { start: { line: 48, character: 0 }, end: { line: 48, character: 0 } }, text: `    - slug: ${TYPED[0]}\n` }];
    for (let i = 1; i < TYPED.length; i++) {
      changes.push({ range: { start: { line: 48, character: 12 + i }, end: { line: 48, character: 12 + i } }, text: TYPED[i] });
    }
    const lastVersion = changes.length + 1;
    // Sent back to back, as an editor does while someone types; none waits for diagnostics.
    await Promise.all(changes.map((change, i) => client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: i + 2 }, contentChanges: [change],
    })));

    const last = await client.waitForDiagnostics(uri, burst, (p) => p.version === lastVersion);
    assert.deepEqual(last.diagnostics.map(shapeOf), expectedFor(lastVersion));
    assert.match(last.diagnostics[0].message, /'emotional-safety-net'/);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const published: PublishDiagnosticsParams[] = client.published.slice(burst).filter((p) => p.uri === uri);
    const versions = published.map((p) => p.version!);
    assert.ok(versions.every((v) => Number.isInteger(v)), `every notification carries a version: ${JSON.stringify(versions)}`);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions never go back: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), lastVersion, 'nothing after the last version');
    for (const p of published) assert.deepEqual(p.diagnostics.map(shapeOf), expectedFor(p.version!), `version ${p.version}`);
    // The quiet time coalesces a burst: far fewer checks than keystrokes.
    assert.ok(published.length <= 10, `${published.length} notifications for 20 changes`);
    await client.close(uri);
  });
});
