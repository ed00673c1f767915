import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { summarizeFile } from '../../../server/src/core/workspace/indexFile';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { pathToUri } from '../../../server/src/core/workspace/uris';

let dir: string;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-summarize-file-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a frontmatter js-yaml rejects but the full parser reads is indexed as the full parser reads it', () => {
  // A NUL inside a quoted string and an empty key: js-yaml (the fast path) refuses both, package yaml accepts them.
  for (const [name, yaml] of [['nul-in-string.md', 'slug: nul-in-string\ntitle: "a\u0000b"'], ['empty-key.md', 'slug: empty-key\ntitle: T\n:']]) {
    const text = `---\n${yaml}\n---\nbody\n`;
    const file = write(name, text);
    const expected = summarizePattern(pathToUri(file), parsePatternDocument(pathToUri(file), text).data);
    assert.ok(expected, name);
    assert.deepEqual(summarizeFile(file), expected, name);
    assert.equal(summarizeFile(file)?.unparsed, false, name);
  }
});

test('a frontmatter neither parser reads is indexed under its file name', () => {
  const file = write('tab-indented.md', '---\nslug: x\n\tb: 1\n---\n');
  const summary = summarizeFile(file);
  assert.equal(summary?.slug, 'tab-indented');
  assert.equal(summary?.unparsed, true);
});

test('a file without frontmatter is not a pattern', () => {
  assert.equal(summarizeFile(write('notes.md', '# Notes\n')), undefined);
});
