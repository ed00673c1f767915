import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { cwdRelativePath, rootRelativePath } from '../../../server/src/cli/checkReport';

// The report's paths skip path.relative for a file inside the folder; they must be what it gives.

const segment = fc.constantFrom('a', 'b', 'ab', 'a.md', 'b c', 'é', '_patterns', 'x.MD');
const absolute = fc.array(segment, { maxLength: 4 }).map((parts) => path.join(path.parse(process.cwd()).root, ...parts));

test('report paths are path.relative\'s, for files inside, beside and above the folder', () => {
  fc.assert(fc.property(absolute, fc.array(segment, { maxLength: 3 }), fc.boolean(), (folder, below, trailingSeparator) => {
    const file = path.join(folder, ...below, 'f.md');
    const shownFolder = trailingSeparator && !folder.endsWith(path.sep) ? folder + path.sep : folder;
    for (const candidate of [file, path.join(path.dirname(folder), 'other', 'f.md'), folder]) {
      assert.equal(rootRelativePath({ root: shownFolder }, candidate), path.relative(shownFolder, candidate).split(path.sep).join('/'));
      assert.equal(cwdRelativePath({ cwd: shownFolder }, candidate), path.relative(shownFolder, candidate) || path.basename(candidate));
    }
  }), { numRuns: 1000, seed: 3 });
  assert.equal(rootRelativePath({ root: path.join(path.sep, 'lib') }, path.join(path.sep, 'lib', 'care', 'a.md')), 'care/a.md');
  assert.equal(rootRelativePath({ root: path.join(path.sep, 'lib') }, path.join(path.sep, 'library', 'a.md')), '../library/a.md');
});
