import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packagedFiles, REPO_ROOT } from './packagingHelpers';

/**
 * What `npm run package` (vsce package --no-dependencies) puts into the .vsix: the manifest, the
 * README and licence, the two esbuild bundles, and the data files they read at run time. No tests,
 * TypeScript sources, compiled out/ tree, source maps, node_modules or development files.
 * The bundles come from `npm run build` (npm test builds first).
 */
const EXPECTED_FILES = [
  'LICENSE',
  'README.md',
  'client/media/icon.png',
  'client/media/preview.css',
  'client/media/preview.js',
  'dist/extension.js',
  'dist/indexWorker.js',
  'dist/server.js',
  'package.json',
  'schemas/pattern.schema.json',
  'syntaxes/pattern-frontmatter.tmLanguage.json',
];

test('the .vsix would hold exactly the manifest, README, licence, bundles and run-time data files', async () => {
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    assert.ok(fs.existsSync(path.join(REPO_ROOT, bundle)), `${bundle} is missing: run npm run build first`);
  }
  assert.deepEqual(await packagedFiles(), EXPECTED_FILES);
});

test('every file the manifest and the bundles refer to is packaged', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    main: string;
    icon: string;
    contributes: { grammars?: Array<{ path: string }>; views?: Record<string, Array<{ icon?: string }>> };
  };
  const normalize = (p: string) => path.posix.normalize(p.replace(/^\.\//, ''));
  const referenced = new Set<string>([
    normalize(manifest.main),
    normalize(manifest.icon),
    ...(manifest.contributes.grammars ?? []).map((g) => normalize(g.path)),
    ...Object.values(manifest.contributes.views ?? {}).flat().flatMap((v) => (v.icon ? [normalize(v.icon)] : [])),
    // extension.js starts the server from dist/ and the webview loads client/media/preview.{js,css};
    // the server looks for schemas/ above its own folder.
    'dist/server.js', 'client/media/preview.js', 'client/media/preview.css', 'schemas/pattern.schema.json',
  ]);
  const packaged = new Set(await packagedFiles());
  const missing = [...referenced].filter((file) => !packaged.has(file));
  assert.deepEqual(missing, [], 'referenced but not packaged (see .vscodeignore)');
  const extension = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'extension.js'), 'utf8');
  assert.match(extension, /"server\.js"/, 'extension.js names dist/server.js, the bundle it starts');
  for (const media of ['preview.js', 'preview.css']) assert.ok(extension.includes(`"${media}"`), `extension.js names client/media/${media}`);
});
