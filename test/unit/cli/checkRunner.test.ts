import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadWorkspace, listWorkspaceFiles } from '../../../server/src/core/workspace/workspaceLoader';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { startCheckRun, type StartedWorker } from '../../../server/src/cli/checkRunner';
import { fixture } from './cliProcess';

// Worker threads must not change a thing: the same summaries and the same diagnostics, in the same order.

test('summaries and both passes of the check are the same with worker threads as on the main thread alone', async () => {
  const root = fixture();
  const files = listWorkspaceFiles(root).files;
  assert.ok(files.length >= 10, `only ${files.length} fixture files`);
  const alone = startCheckRun(0, {});
  const threaded = startCheckRun(2, { 'legacy-schema': 'hint' });
  const plain = startCheckRun(2, {});
  try {
    const aloneSummaries = await alone.summarize(files);
    const threadedSummaries = await threaded.summarize(files);
    assert.deepEqual(threadedSummaries, aloneSummaries);
    assert.ok(aloneSummaries.some((s) => s.kind === 'indexed'));

    // The first pass reads each file once: the same summary as the index's own read, and the document rules.
    const aloneFirst = await alone.checkDocuments(files);
    const threadedFirst = await plain.checkDocuments(files);
    assert.deepEqual(threadedFirst, aloneFirst);
    assert.deepEqual(aloneFirst.map((r) => r.check.file), files, 'one result per file, in order');
    assert.deepEqual(aloneFirst.map((r) => r.summary), aloneSummaries);
    const firstCodes = new Set(aloneFirst.flatMap((r) => (r.check.kind === 'checked' ? r.check.diagnostics.map((d) => d.code) : [])));
    assert.ok(firstCodes.has('legacy-schema'), 'document rules ran');
    assert.ok(!firstCodes.has('broken-relationship'), 'workspace rules wait for the index');
    const needsWorkspace = files.filter((_, i) => aloneFirst[i].workspaceRules);
    assert.ok(needsWorkspace.length > 0 && needsWorkspace.length < files.length);

    const { index } = await loadWorkspace(root);
    const aloneSecond = await alone.checkWorkspace(needsWorkspace, index);
    const threadedSecond = await plain.checkWorkspace(needsWorkspace, index);
    assert.deepEqual(threadedSecond, aloneSecond);
    assert.deepEqual(aloneSecond.map((r) => r.file), needsWorkspace);
    const secondCodes = new Set(aloneSecond.flatMap((r) => (r.kind === 'checked' ? r.diagnostics.map((d) => d.code) : [])));
    assert.ok(secondCodes.has('broken-relationship'), 'workspace rules ran');
    assert.ok(!secondCodes.has('legacy-schema'), 'document rules ran in the first pass only');

    // The severity overrides reach the workers.
    const overridden = await threaded.checkDocuments(files);
    const legacy = overridden.flatMap((r) => (r.check.kind === 'checked' ? r.check.diagnostics : [])).filter((d) => d.code === 'legacy-schema');
    assert.ok(legacy.length >= 2);
    assert.ok(legacy.every((d) => d.severity === 4), 'legacy-schema became a hint');
  } finally {
    await Promise.all([alone.close(), threaded.close(), plain.close()]);
  }
});

test('a run over no files finishes at once, with or without workers', async () => {
  const run = startCheckRun(1, {});
  try {
    assert.deepEqual(await run.summarize([]), []);
    assert.deepEqual(await run.checkDocuments([]), []);
  } finally {
    await run.close();
  }
});

test('the workers build the second pass index from the summaries they made, were passed, or get with the index', async () => {
  const root = fixture();
  const files = listWorkspaceFiles(root).files;
  const { index } = await loadWorkspace(root);
  const alone = startCheckRun(0, {});
  // No first pass: every summary of the index reaches the workers with it.
  const fresh = startCheckRun(2, {});
  // A first pass over half the files: the workers hold those summaries and get the rest with the index.
  const half = startCheckRun(2, {});
  try {
    const expected = await alone.checkWorkspace(files, index);
    assert.ok(expected.some((r) => r.kind === 'checked' && r.diagnostics.some((d) => d.code === 'broken-relationship')), 'workspace findings to compare');
    assert.deepEqual(await fresh.checkWorkspace(files, index), expected);
    await half.checkDocuments(files.slice(0, Math.floor(files.length / 2)));
    // As the CLI does it: the index shared before this thread builds its own, then the second pass.
    half.shareIndex([...index.all()]);
    assert.deepEqual(await half.checkWorkspace(files, index), expected);
  } finally {
    await Promise.all([alone.close(), fresh.close(), half.close()]);
  }
});

/** A check worker started ahead of the run, as bin/commons-patterns.js starts one, and whether it has exited. */
function startedAhead(): { worker: Worker; started: StartedWorker; hasExited: () => boolean } {
  const worker = new Worker(path.join(path.dirname(require.resolve('../../../server/src/cli/checkRunner')), 'checkWorker.js'));
  let exited = false;
  worker.once('exit', () => (exited = true));
  return { worker, started: { worker }, hasExited: () => exited };
}

test('a worker started ahead of the run does its share, gets the run\'s severity settings, and stops with the run', async () => {
  const files = listWorkspaceFiles(fixture()).files;
  const alone = startCheckRun(0, { 'legacy-schema': 'hint' });
  const ahead = startedAhead();
  const run = startCheckRun(1, { 'legacy-schema': 'hint' }, [ahead.started]);
  try {
    const expected = await alone.checkDocuments(files);
    assert.ok(expected.some((r) => r.check.kind === 'checked' && r.check.diagnostics.some((d) => d.code === 'legacy-schema' && d.severity === 4)));
    assert.deepEqual(await run.checkDocuments(files), expected);
    assert.equal(ahead.hasExited(), false, 'working until the run is closed');
  } finally {
    await Promise.all([alone.close(), run.close()]);
  }
  assert.equal(ahead.hasExited(), true, 'stopped by close');
});

test('a worker started ahead of a run too small for workers is stopped, and the run is done on the main thread', async () => {
  const files = listWorkspaceFiles(fixture()).files;
  const ahead = startedAhead();
  const run = startCheckRun(0, {}, [ahead.started]);
  try {
    assert.equal((await run.checkDocuments(files)).length, files.length);
  } finally {
    await run.close();
  }
  assert.equal(ahead.hasExited(), true, 'stopped by the time the run is closed');
});

// Without the failure the run would wait for answers forever: the timeout turns that into a failure.
test('a worker that failed before the run took it over fails the run instead of keeping it waiting', { timeout: 60_000 }, async () => {
  const ahead = startedAhead();
  await ahead.worker.terminate();
  const failure = new Error('the worker failed while loading');
  const run = startCheckRun(1, {}, [{ worker: ahead.worker, failure }]);
  try {
    await assert.rejects(run.checkDocuments(listWorkspaceFiles(fixture()).files), failure);
  } finally {
    await run.close();
  }
});
