import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixtureWorkspace, LspTestClient, REPO_ROOT, shapeOf, startOnFixtureCopy } from './lspTestClient';

describe('settings apply without a restart', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ client, dispose } = await startOnFixtureCopy());
  });
  after(() => dispose());

  it('severity "off" disables a rule and another severity replaces the default, in open documents', async () => {
    let since = client.mark();
    const uri = await client.open('broken-links.md');
    await client.waitForDiagnostics(uri, since);

    since = client.mark();
    await client.changeSettings({ severity: { 'broken-relationship': 'off' } });
    const off = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(off.diagnostics.map(shapeOf), ['broken-inferred-link 2 45:14-45:29']);

    since = client.mark();
    await client.changeSettings({ severity: { 'broken-inferred-link': 'error' } });
    const error = await client.waitForDiagnostics(uri, since);
    assert.deepEqual(error.diagnostics.map(shapeOf), [
      'broken-relationship 2 35:12-35:30', 'broken-relationship 2 40:12-40:27', 'broken-inferred-link 1 45:14-45:29',
    ]);

    since = client.mark();
    await client.changeSettings({});
    await client.waitForDiagnostics(uri, since);
    await client.close(uri);
  });

  it('a new exclude glob re-indexes: links to an excluded file are broken', async () => {
    let since = client.mark();
    const uri = await client.open('emotional-safety.md');
    assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);

    since = client.mark();
    const readyBefore = client.indexReady.length;
    await client.changeSettings({ exclude: ['**/trust-circles.md'] });
    const excluded = await client.waitForDiagnostics(uri, since, (p) => p.diagnostics.length > 0);
    assert.deepEqual(excluded.diagnostics.map(shapeOf), ['broken-relationship 2 38:12-38:25']);
    assert.deepEqual(client.indexReady.slice(readyBefore), [{ patterns: 7 }]);

    since = client.mark();
    await client.changeSettings({});
    assert.deepEqual((await client.waitForDiagnostics(uri, since, (p) => p.diagnostics.length === 0)).diagnostics, []);
    await client.close(uri);
  });
});

/** A copy of the bundled schema whose titles may be at most 5 characters long. */
function writeStrictSchema(workspace: string): void {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'pattern.schema.json'), 'utf8'));
  schema.properties.title.maxLength = 5;
  fs.writeFileSync(path.join(workspace, 'strict.schema.json'), JSON.stringify(schema));
}

describe('commonsPatterns.schemaPath and workspace trust', { timeout: 60_000 }, () => {
  it('uses a custom schema (relative to the workspace folder) when the workspace is trusted', async () => {
    const workspace = copyFixtureWorkspace();
    writeStrictSchema(workspace);
    const client = await LspTestClient.start(workspace, { settings: { schemaPath: 'strict.schema.json' } });
    try {
      await client.waitForIndexReady();
      const since = client.mark();
      const uri = await client.open('active-listening.md');
      const published = await client.waitForDiagnostics(uri, since);
      // `title: "Active Listening"` is longer than the custom schema's 5 characters.
      assert.deepEqual(published.diagnostics.map(shapeOf), ['schema 1 3:7-3:25']);
      assert.deepEqual(client.shownMessages, []);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('ignores schemaPath, with a warning, when the client says the workspace is not trusted', async () => {
    const { client, workspace, dispose } = await startOnFixtureCopy({ initializationOptions: { trusted: false } });
    try {
      writeStrictSchema(workspace);
      await client.changeSettings({ schemaPath: 'strict.schema.json' });
      await client.waitFor('a warning', () => client.shownMessages.find((m) => /not trusted/.test(m)));
      const since = client.mark();
      const uri = await client.open('active-listening.md');
      assert.deepEqual((await client.waitForDiagnostics(uri, since)).diagnostics, []);
    } finally {
      await dispose();
    }
  });
});
