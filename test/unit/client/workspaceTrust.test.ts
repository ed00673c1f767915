import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../../..');

test('the manifest declares limited support for untrusted workspaces, restricting only commonsPatterns.schemaPath', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  assert.deepEqual(untrusted?.restrictedConfigurations, ['commonsPatterns.schemaPath']);
  assert.match(untrusted?.description ?? '', /schemaPath/);
  // The restricted setting exists, and is the only one that names a file to load.
  const properties = manifest.contributes.configuration.properties;
  assert.ok(properties['commonsPatterns.schemaPath'], 'commonsPatterns.schemaPath is a contributed setting');
  assert.match(properties['commonsPatterns.schemaPath'].markdownDescription, /trusted/);
});
