import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { indexFiles, listWorkspaceFiles, loadWorkspace, summarizeFileSafely } from '../../../server/src/core/workspace/workspaceLoader';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { pathToUri } from '../../../server/src/core/workspace/uris';
import { fixture } from './cliProcess';

// The core's workspace loader (server/src/core/workspace/workspaceLoader.ts), shared by the CLI and the server.

const library = fixture('library');
const LIBRARY_FILES = ['alpha.md', 'beta.md', 'legacy.md', 'notes.md', path.join('sub', 'broken.md')];

test('lists the Markdown files of a root, without dot-folders, honouring exclude globs', () => {
  assert.deepEqual(listWorkspaceFiles(library).files.map((f) => path.relative(library, f)), LIBRARY_FILES);
  const filtered = listWorkspaceFiles(library, { include: ['**/*.md'], exclude: ['sub/**', 'notes.md'] });
  assert.deepEqual(filtered.files.map((f) => path.relative(library, f)), ['alpha.md', 'beta.md', 'legacy.md']);
});

test('indexes every pattern, including one whose YAML does not parse (under its file name)', async () => {
  const { index, files, problems } = await loadWorkspace(library);
  assert.equal(files.length, 5);
  assert.deepEqual(problems, []);
  assert.deepEqual([...index.slugs()].sort(), ['alpha', 'beta', 'broken', 'legacy']);
  assert.equal(index.get(pathToUri(path.join(library, 'sub', 'broken.md')))?.unparsed, true);
  assert.equal(index.get(pathToUri(path.join(library, 'notes.md'))), undefined);
});

test('reports progress after each chunk, from 0 to the total', async () => {
  const calls: Array<[number, number]> = [];
  await loadWorkspace(library, { chunkSize: 2, onProgress: (done, total) => calls.push([done, total]) });
  assert.deepEqual(calls, [[0, 5], [2, 5], [4, 5], [5, 5]]);
});

test('stops between chunks when aborted', async () => {
  const controller = new AbortController();
  const { index } = await loadWorkspace(library, {
    chunkSize: 2,
    signal: controller.signal,
    onProgress: (done) => {
      if (done === 2) controller.abort();
    },
  });
  assert.deepEqual([...index.slugs()].sort(), ['alpha', 'beta']);
});

test('a batch summarizer gives the same index as the one-thread path', async () => {
  const files = listWorkspaceFiles(library).files;
  const oneByOne = new WorkspaceIndex();
  await indexFiles(files, oneByOne);
  const batched = new WorkspaceIndex();
  const progress: Array<[number, number]> = [];
  await indexFiles(files, batched, { summarizeFiles: async (all) => all.map((f) => summarizeFileSafely(f)), onProgress: (d, t) => progress.push([d, t]) });
  assert.deepEqual([...batched.all()], [...oneByOne.all()]);
  assert.deepEqual(progress, [[0, 5], [5, 5]]);
});

test('unreadable files are problems, not exceptions, and a file that stopped being a pattern leaves the index', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-loader-'));
  try {
    fs.symlinkSync('self.md', path.join(dir, 'self.md'));
    const pattern = path.join(dir, 'p.md');
    fs.writeFileSync(pattern, '---\nslug: p\n---\n');
    const { index, problems } = await loadWorkspace(dir);
    assert.deepEqual(problems, [{ path: path.join(dir, 'self.md'), message: 'too many levels of symbolic links' }]);
    assert.deepEqual([...index.slugs()], ['p']);
    fs.writeFileSync(pattern, '# no longer a pattern\n');
    await indexFiles([pattern], index);
    assert.equal(index.size, 0);
    assert.deepEqual(summarizeFileSafely(path.join(dir, 'missing.md')), { kind: 'unreadable', message: 'no such file or folder' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
