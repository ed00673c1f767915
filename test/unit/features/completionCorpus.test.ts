import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { findLinkReferences } from '../../../server/src/core/document/linkReferences';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { provideHover } from '../../../server/src/core/features/hover';
import { summarizeFile } from '../../../server/src/core/workspace/indexFile';
import { pathToUri } from '../../../server/src/core/workspace/uris';
import { REPO_ROOT, createCompletionWorkspace } from './completionWorkspace';

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
/** Every how-many-th file of the library is checked in full (all of its link targets). */
const SAMPLE_EVERY = 50;

/**
 * On the real library: at every link target of a sample of files, completion must find the same
 * target text the YAML parser finds (the line scanner agrees with the AST on real data, quotes,
 * flow mappings and all), and hover must answer for the same range.
 */
test('real library: completion ranges and hovers agree with the parsed link targets', (t) => {
  if (!fs.existsSync(CORPUS)) {
    const why = `real pattern library not found at ${CORPUS}: this part did not run (the fixture tests still did)`;
    t.diagnostic(why);
    console.warn(`WARNING: ${why}`);
    return;
  }
  const ws = createCompletionWorkspace({});
  const names = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    const summary = summarizeFile(path.join(CORPUS, name));
    if (summary) ws.ctx.index.set(summary);
  }
  let checkedTargets = 0;
  let checkedFiles = 0;
  for (let i = 0; i < names.length; i += SAMPLE_EVERY) {
    const filePath = path.join(CORPUS, names[i]);
    const doc = parsePatternDocument(pathToUri(filePath), fs.readFileSync(filePath, 'utf8'));
    if (doc.format !== 'v7.1' || doc.yamlErrors.length > 0) continue;
    checkedFiles++;
    const ownSlug = (doc.data as { slug?: unknown }).slug;
    const refs = findLinkReferences(doc);
    for (const ref of refs) {
      const where = `${names[i]} ${ref.path.join('.')}`;
      const hover = provideHover(ws.ctx, doc, ref.textRange.start);
      assert.deepEqual(hover?.range, ref.range, `hover range at ${where}`);
      if (ref.range.start.line !== ref.range.end.line || !ws.ctx.index.resolve(ref.target) || ref.target === ownSlug) continue;
      const listedTwice = refs.some((other) => other !== ref && other.target === ref.target && other.kind === ref.kind && other.source === ref.source);
      if (listedTwice) continue;
      const list = provideCompletion(ws.ctx, doc, ref.textRange.end);
      const item = list.items.find((it) => it.label === ref.target);
      assert.ok(item, `completion offers '${ref.target}' at ${where}`);
      assert.deepEqual((item.textEdit as TextEdit).range, ref.textRange as Range, `completion range at ${where}`);
      checkedTargets++;
    }
  }
  t.diagnostic(`checked ${checkedTargets} link targets in ${checkedFiles} real pattern files`);
  assert.ok(checkedTargets > 200, `only ${checkedTargets} targets checked`);
});
