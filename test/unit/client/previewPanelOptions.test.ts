import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { URI, Utils } from 'vscode-uri';
import { PREVIEW_MEDIA_FOLDER, previewPanelOptions } from '../../../client/src/preview/previewPanelOptions';

const REPO = path.resolve(__dirname, '../../../..');

test('the preview webview: scripts on (for the nonce\'d one), forms and command URIs off, local resources only from client/media', () => {
  const extension = URI.file('/extensions/commons-patterns-0.1.0');
  const options = previewPanelOptions(extension, Utils.joinPath);
  assert.deepEqual({ ...options, localResourceRoots: options.localResourceRoots.map((uri) => uri.toString()) }, {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: ['file:///extensions/commons-patterns-0.1.0/client/media'],
    enableFindWidget: true,
    retainContextWhenHidden: false,
  });
  assert.ok(Object.isFrozen(options) && Object.isFrozen(options.localResourceRoots), 'nobody widens them later');
});

test('client/media holds what the page loads, and the package ships exactly that folder\'s files', () => {
  const media = path.join(REPO, ...PREVIEW_MEDIA_FOLDER);
  for (const file of ['preview.js', 'preview.css']) assert.ok(fs.statSync(path.join(media, file)).isFile(), file);
  const shipped = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.startsWith(`!${PREVIEW_MEDIA_FOLDER.join('/')}/`));
  assert.deepEqual(shipped.sort(), ['!client/media/icon.png', '!client/media/preview.css', '!client/media/preview.js']);
});
