import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFileDocument, checkFileWorkspace, createCheckEnvironment, loadSchemaTools } from '../../../server/src/cli/checkFile';
import { RetainedDocuments } from '../../../server/src/cli/retainedDocuments';
import { parsePatternDocumentFast } from '../../../server/src/core/workspace/fastPatternDocument';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

const tools = loadSchemaTools();

const LINKING = ['---', 'slug: linking', 'relationships:', '  enables:', '    - slug: nowhere-to-be-found', '---', '### Section 1: Context', ''].join('\n');

test('keeps documents up to its budget of text, and hands each out once', () => {
  const retained = new RetainedDocuments(2 * LINKING.length);
  const doc = (name: string) => parsePatternDocumentFast(`file:///workspace/${name}.md`, LINKING);
  retained.keep('/w/a.md', doc('a'));
  retained.keep('/w/b.md', doc('b'));
  retained.keep('/w/c.md', doc('c'));
  assert.equal(retained.take('/w/c.md'), undefined, 'over the budget: not kept');
  assert.equal(retained.take('/w/a.md')?.uri, 'file:///workspace/a.md');
  assert.equal(retained.take('/w/a.md'), undefined, 'handed out once');
  // Taking one frees its share of the budget.
  retained.keep('/w/c.md', doc('c'));
  assert.equal(retained.take('/w/c.md')?.uri, 'file:///workspace/c.md');
  assert.equal(retained.take('/w/b.md')?.uri, 'file:///workspace/b.md');
});

test('the second pass checks the document kept from the first, without reading the file again', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retained-'));
  try {
    const file = path.join(dir, 'linking.md');
    fs.writeFileSync(file, LINKING);
    const retained = new RetainedDocuments(1_000_000);
    const first = checkFileDocument(file, createCheckEnvironment(new WorkspaceIndex(), tools, {}), retained);
    assert.equal(first.workspaceRules, true);
    assert.equal(first.summary.kind, 'indexed');
    const index = new WorkspaceIndex();
    if (first.summary.kind === 'indexed') index.set(first.summary.summary);
    // Gone from the disk between the passes: only the kept document can still be checked.
    fs.rmSync(file);
    const second = checkFileWorkspace(file, createCheckEnvironment(index, tools, {}), retained);
    assert.equal(second.kind, 'checked');
    assert.deepEqual(second.kind === 'checked' ? second.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]) : [],
      [['broken-relationship', 4, 12, 31]]);
    // Without a kept document the file is read again, and its absence is reported as such.
    const again = checkFileWorkspace(file, createCheckEnvironment(index, tools, {}), retained);
    assert.equal(again.kind, 'unreadable');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
