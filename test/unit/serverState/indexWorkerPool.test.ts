import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { indexFiles, listWorkspaceFiles } from '../../../server/src/core/workspace/workspaceLoader';
import { indexFilesOnThreads, indexWorkerCount, indexWorkerScript, MIN_FILES_FOR_WORKERS, PROGRESS_STEP, summarizeOnThreads } from '../../../server/src/lsp/indexWorkerPool';

// The server's initial index on worker threads must build exactly the index the one-thread loader builds.

// Compiled to out/test/unit/serverState/.
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
const BUNDLED_WORKER = path.join(REPO_ROOT, 'dist', 'indexWorker.js');

/** Every Markdown file under test/fixtures (over 100: v7.1, legacy, broken YAML, no frontmatter, BOM, CRLF). */
function fixtureFiles(): string[] {
  const files = listWorkspaceFiles(FIXTURES).files;
  assert.ok(files.length >= 100, `only ${files.length} fixture files`);
  return files;
}

async function oneThreadIndex(files: readonly string[]) {
  const index = new WorkspaceIndex();
  const problems = await indexFiles(files, index);
  return { index, problems };
}

/** Everything the index answers, in its own order (insertion order included). */
function contentsOf(index: WorkspaceIndex) {
  return { all: [...index.all()], slugs: [...index.slugs()].sort(), domains: [...index.domains()], backlinks: [...index.slugs()].sort().map((slug) => index.backlinks(slug)) };
}

function workerScript(): string {
  const script = indexWorkerScript(path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp'));
  assert.ok(script, 'out/server/src/lsp/indexWorker.js is missing: run npx tsc -b first');
  return script;
}

test('worker count: none up to 300 files, then one fewer than the cores, at most 3', () => {
  assert.equal(MIN_FILES_FOR_WORKERS, 300);
  assert.equal(indexWorkerCount(300, 8), 0);
  assert.equal(indexWorkerCount(301, 2), 1);
  assert.equal(indexWorkerCount(20_000, 3), 2);
  assert.equal(indexWorkerCount(20_000, 16), 3);
  assert.equal(indexWorkerCount(20_000, 1), 0);
});

test('the worker script is found next to the module, and not where it is absent', () => {
  assert.equal(indexWorkerScript(path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp')), path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'indexWorker.js'));
  assert.equal(indexWorkerScript(FIXTURES), undefined);
});

test('the fixture files give the same index, problems and progress on 3 threads as on one', async () => {
  const files = fixtureFiles();
  const alone = await oneThreadIndex(files);
  assert.ok(alone.index.size >= 20, `only ${alone.index.size} patterns indexed`);
  const index = new WorkspaceIndex();
  const progress: number[] = [];
  const failures: Error[] = [];
  const problems = await indexFilesOnThreads(files, index, {
    workers: 2, script: workerScript(), onProgress: (done, total) => { assert.equal(total, files.length); progress.push(done); }, onWorkerFailure: (e) => failures.push(e),
  });
  assert.deepEqual(failures, []);
  assert.deepEqual(contentsOf(index), contentsOf(alone.index));
  assert.deepEqual(problems, alone.problems);
  // Fewer than 200 files: the start and the end, as the loader reports them.
  assert.ok(files.length < PROGRESS_STEP);
  assert.deepEqual(progress, [0, files.length]);
});

test('results are delivered in file order, whichever thread read them; progress every 200 results and at the end', async () => {
  // The fixture list ten times over (1,000+ entries): every thread gets batches.
  const files = Array.from({ length: 10 }, () => fixtureFiles()).flat();
  const delivered: string[] = [];
  const progress: Array<[number, number]> = [];
  await summarizeOnThreads(files, {
    workers: 2, script: workerScript(), onResult: (file) => delivered.push(file),
    onProgress: (done, total) => { assert.equal(done, delivered.length, 'progress counts the results delivered'); progress.push([done, total]); },
  });
  assert.deepEqual(delivered, files);
  const steps = Array.from({ length: Math.floor(files.length / PROGRESS_STEP) }, (_, i) => (i + 1) * PROGRESS_STEP);
  if (files.length % PROGRESS_STEP !== 0) steps.push(files.length);
  assert.deepEqual(progress, steps.map((done) => [done, files.length]));
});

test('a worker that fails leaves its files to the other threads: same index, the failure reported', async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'index-worker-broken-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const broken = path.join(folder, 'indexWorker.js');
  fs.writeFileSync(broken, "throw new Error('worker failed to start');\n");
  const files = fixtureFiles();
  const index = new WorkspaceIndex();
  const failures: Error[] = [];
  await indexFilesOnThreads(files, index, { workers: 2, script: broken, onWorkerFailure: (e) => failures.push(e) });
  assert.equal(failures.length, 2);
  assert.ok(failures.every((e) => e.message.includes('worker failed to start')), failures.map((e) => e.message).join('; '));
  assert.deepEqual(contentsOf(index), contentsOf((await oneThreadIndex(files)).index));
});

test('aborting stops at once: no result after the abort, the promise settles promptly', async () => {
  const files = Array.from({ length: 40 }, () => fixtureFiles()).flat();
  const controller = new AbortController();
  let delivered = 0;
  let afterAbort = 0;
  const running = summarizeOnThreads(files, {
    workers: 2, script: workerScript(), signal: controller.signal,
    onResult: () => { if (controller.signal.aborted) afterAbort++; else delivered++; },
    onProgress: (done) => { if (done >= 400 && !controller.signal.aborted) controller.abort(); },
  });
  await running;
  assert.ok(controller.signal.aborted);
  assert.equal(afterAbort, 0);
  assert.ok(delivered === 400 && delivered < files.length, `${delivered} of ${files.length} delivered before the abort`);
  // An already-aborted run reads nothing.
  let any = 0;
  await summarizeOnThreads(files, { workers: 1, script: workerScript(), signal: controller.signal, onResult: () => any++ });
  assert.equal(any, 0);
});

test('the bundled dist/indexWorker.js runs on its own (no node_modules) and gives the same index', async (t) => {
  assert.ok(fs.existsSync(BUNDLED_WORKER), 'dist/indexWorker.js is missing: run npm run bundle first');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'index-worker-bundle-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.copyFileSync(BUNDLED_WORKER, path.join(folder, 'indexWorker.js'));
  const script = indexWorkerScript(folder);
  assert.ok(script);
  const files = fixtureFiles();
  const index = new WorkspaceIndex();
  const failures: Error[] = [];
  const problems = await indexFilesOnThreads(files, index, { workers: 2, script, onWorkerFailure: (e) => failures.push(e) });
  assert.deepEqual(failures, [], 'the bundled worker starts and answers');
  const alone = await oneThreadIndex(files);
  assert.deepEqual(contentsOf(index), contentsOf(alone.index));
  assert.deepEqual(problems, alone.problems);
});

test('the real library gives the same index on worker threads as on one', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.diagnostic(`NOT RUN: the real library is not at ${CORPUS}; the fixture tests above still ran`);
    console.warn(`indexWorkerPool.test: the real library is not at ${CORPUS}: its comparison did not run`);
    return;
  }
  const files = listWorkspaceFiles(CORPUS).files;
  assert.ok(files.length > MIN_FILES_FOR_WORKERS);
  const alone = await oneThreadIndex(files);
  const index = new WorkspaceIndex();
  const failures: Error[] = [];
  const problems = await indexFilesOnThreads(files, index, { workers: 2, script: workerScript(), onWorkerFailure: (e) => failures.push(e) });
  assert.deepEqual(failures, []);
  assert.equal(index.size, alone.index.size);
  assert.deepEqual(contentsOf(index), contentsOf(alone.index));
  assert.deepEqual(problems, alone.problems);
});
