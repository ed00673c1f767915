import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { copyFixtureWorkspace, LspTestClient, REPO_ROOT, shapeOf } from './lspTestClient';

/** A copy of the bundled schema whose titles may be at most 5 characters long: a custom schema with a visible effect. */
function writeStrictSchema(workspace: string): void {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'pattern.schema.json'), 'utf8'));
  schema.properties.title.maxLength = 5;
  fs.writeFileSync(path.join(workspace, 'strict.schema.json'), JSON.stringify(schema));
}

async function diagnosticsOfActiveListening(client: LspTestClient): Promise<string[]> {
  await client.waitForIndexReady();
  const since = client.mark();
  const uri = await client.open('active-listening.md');
  return (await client.waitForDiagnostics(uri, since)).diagnostics.map(shapeOf);
}

describe('workspace trust at initialize: a workspace-set schemaPath is never read in an untrusted workspace', { timeout: 60_000 }, () => {
  for (const [trusted, expected] of [[false, []], [true, ['schema 1 3:7-3:25']]] as const) {
    it(`initializationOptions.trusted ${trusted}, schemaPath set from the start: ${trusted ? 'the custom schema applies' : 'the bundled schema, with a warning'}`, async () => {
      const workspace = copyFixtureWorkspace();
      writeStrictSchema(workspace);
      const client = await LspTestClient.start(workspace, { settings: { schemaPath: 'strict.schema.json' }, initializationOptions: { trusted } });
      try {
        // `title: "Active Listening"` breaks only the custom schema's 5-character limit.
        assert.deepEqual(await diagnosticsOfActiveListening(client), expected);
        const warnings = client.shownMessages.filter((m) => /schemaPath is ignored because the workspace is not trusted/.test(m));
        assert.equal(warnings.length, trusted ? 0 : 1);
      } finally {
        await client.stop();
        fs.rmSync(workspace, { recursive: true, force: true });
      }
    });
  }
});
