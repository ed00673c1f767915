import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { URI, Utils } from 'vscode-uri';
import { fileSlugOf, pathToUri } from '../../../server/src/core/workspace/uris';

/** What fileSlugOf answers without its shortcut: the parsed URI's base name without `.md`. */
const parsedSlug = (uri: string) => Utils.basename(URI.parse(uri)).replace(/\.md$/i, '');

test('fileSlugOf is the parsed URI\'s file name without .md, for the URIs of any path and for odd URIs', () => {
  const segment = fc.stringOf(fc.constantFrom('a', 'B', '-', '.', ' ', '%', '#', '?', '+', 'é', '🌱', '\\', 'md'), { minLength: 1, maxLength: 8 });
  fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), (segments, withExtension) => {
    const uri = pathToUri(`/${segments.join('/')}${withExtension ? '.md' : ''}`);
    assert.equal(fileSlugOf(uri), parsedSlug(uri));
  }), { numRuns: 2000, seed: 5 });
  for (const uri of ['file:///lib/emotional-safety.md', 'file:///lib/%F0%9F%8C%B1.MD', 'untitled:Untitled-1', 'file:///c%3A/lib/a.md', 'file:///', 'vscode-notebook-cell:/lib/a.md#cell', 'file:///lib/a.md?x=1']) {
    assert.equal(fileSlugOf(uri), parsedSlug(uri), uri);
  }
  assert.equal(fileSlugOf('file:///lib/emotional-safety.md'), 'emotional-safety');
  assert.equal(fileSlugOf('file:///lib/%F0%9F%8C%B1.MD'), '🌱');
});
