import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { HANG_BOUND_MS, runEveryFeature } from './everyFeature';
import { createHardeningWorkspace, readHardeningFixtures } from './hardeningWorkspace';

/**
 * A file cut off at every point (a half-written save, a crashed tool, an editor buffer while the
 * author types from the top): every core feature still answers with ranges inside the text.
 */

const fixtures = readHardeningFixtures();

describe('a pattern file truncated at every offset', () => {
  it('emoji-garden.md (non-BMP text, so cuts also fall between the halves of a surrogate pair)', () => {
    const name = 'emoji-garden.md';
    const full = fixtures[name];
    const ws = createHardeningWorkspace(fixtures);
    const failures: string[] = [];
    let slowest = { ms: 0, at: 0 };
    for (let cut = 0; cut <= full.length; cut++) {
      const text = full.slice(0, cut);
      const doc = ws.put(name, text);
      // Position features at the cut (where the author types) and in the middle.
      const run = runEveryFeature(ws, doc, [cut, cut >> 1]);
      if (run.problems.length > 0) failures.push(`cut at ${cut}: ${run.problems.join('; ')}`);
      if (run.elapsedMs > slowest.ms) slowest = { ms: run.elapsedMs, at: cut };
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${full.length + 1} cuts failed`);
    assert.ok(slowest.ms < HANG_BOUND_MS, `the cut at ${slowest.at} took ${Math.round(slowest.ms)} ms`);
  });

  it('crlf-pattern.md (cuts fall between CR and LF)', () => {
    const name = 'crlf-pattern.md';
    const full = fixtures[name];
    assert.ok(full.includes('\r\n'), 'the fixture must have CRLF line breaks (see test/fixtures/hardening/.gitattributes)');
    const ws = createHardeningWorkspace(fixtures);
    const failures: string[] = [];
    for (let cut = 0; cut <= full.length; cut++) {
      const run = runEveryFeature(ws, ws.put(name, full.slice(0, cut)), [cut]);
      if (run.problems.length > 0) failures.push(`cut at ${cut}: ${run.problems.join('; ')}`);
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${full.length + 1} cuts failed`);
  });
});
