import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { EXPECTED_DIAGNOSTICS } from './fixtureFacts';
import { shapeOf, startOnFixtureCopy, type LspTestClient } from './lspTestClient';

describe('diagnostics of open documents (push)', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  for (const [file, expected] of Object.entries(EXPECTED_DIAGNOSTICS)) {
    it(`publishes the exact diagnostics of ${file} when it is opened`, async () => {
      const since = client.mark();
      const uri = await client.open(file);
      const published = await client.waitForDiagnostics(uri, since);
      assert.equal(published.version, 1);
      assert.deepEqual(published.diagnostics.map(shapeOf), expected);
      for (const d of published.diagnostics) assert.equal(d.source, 'commons-patterns');
      await client.close(uri);
    });
  }

  it('names the offending value in the message', async () => {
    const since = client.mark();
    const uri = await client.open('crlf-pattern.md');
    const published = await client.waitForDiagnostics(uri, since);
    assert.equal(published.diagnostics[0].message, "No pattern with slug 'missing-crlf-target' in the workspace");
    await client.close(uri);
  });

  it('publishes new diagnostics for the new version after didChange, and none once fixed', async () => {
    const text = fs.readFileSync(client.filePath('active-listening.md'), 'utf8');
    let since = client.mark();
    const uri = await client.open('active-listening.md');
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    since = client.mark();
    const broken = text.replace('    - slug: trust-circles', '    - slug: trust-circlez');
    const version = await client.change(uri, broken);
    const afterBreak = await client.waitForDiagnostics(uri, since, (p) => p.version === version);
    assert.deepEqual(afterBreak.diagnostics.map(shapeOf), ['broken-relationship 2 46:12-46:25']);
    assert.equal(afterBreak.diagnostics[0].message, "No pattern with slug 'trust-circlez' in the workspace; did you mean 'trust-circles'?");

    since = client.mark();
    const fixedVersion = await client.change(uri, text);
    const afterFix = await client.waitForDiagnostics(uri, since, (p) => p.version === fixedVersion);
    assert.deepEqual(afterFix.diagnostics, []);
  });

  it('checks a burst of changes once, for the last version (debounced; no stale versions)', async () => {
    const text = fs.readFileSync(client.filePath('emotional-safety.md'), 'utf8');
    const opened = client.mark();
    const uri = await client.open('emotional-safety.md');
    await client.waitForDiagnostics(uri, opened);
    const since = client.mark();
    let last = 0;
    for (const typed of ['a', 'ac', 'act', 'acti']) {
      last = await client.change(uri, text.replace('    - slug: active-listening', `    - slug: ${typed}`));
    }
    const final = await client.waitForDiagnostics(uri, since, (p) => p.version === last);
    assert.deepEqual(final.diagnostics.map(shapeOf), ['broken-relationship 2 35:12-35:16']);
    const forUri = client.published.slice(since).filter((p) => p.uri === uri);
    assert.deepEqual(forUri.map((p) => p.version), [last], 'only the last version is checked and published');
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    const opened = client.mark();
    const uri = await client.open('score-problems.md');
    await client.waitForDiagnostics(uri, opened);
    const since = client.mark();
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
