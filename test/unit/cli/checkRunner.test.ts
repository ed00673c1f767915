import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadWorkspace, listWorkspaceFiles } from '../../../server/src/core/workspace/workspaceLoader';
import { startCheckRun } from '../../../server/src/cli/checkRunner';
import { fixture } from './cliProcess';

// Worker threads must not change a thing: the same summaries and the same diagnostics, in the same order.

test('summaries and check results are the same with worker threads as on the main thread alone', async () => {
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

    const { index } = await loadWorkspace(root);
    const aloneResults = await alone.check(files, index);
    const threadedResults = await plain.check(files, index);
    assert.deepEqual(threadedResults, aloneResults);
    assert.deepEqual(aloneResults.map((r) => r.file), files, 'one result per file, in order');
    assert.ok(aloneResults.some((r) => r.kind === 'checked' && r.diagnostics.length > 0));

    // The severity overrides reach the workers.
    const overridden = await threaded.check(files, index);
    const legacy = overridden.flatMap((r) => (r.kind === 'checked' ? r.diagnostics : [])).filter((d) => d.code === 'legacy-schema');
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
  } finally {
    await run.close();
  }
});
