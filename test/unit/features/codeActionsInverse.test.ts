import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextDocumentEdit } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/core/features/codeActions';
import { applyWorkspaceEdit, createNavWorkspace, readNavFixtures, uriOf } from './navWorkspace';

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const missingInverse = (r: Range, data?: unknown): Diagnostic => ({
  range: r, code: 'missing-inverse', source: 'commons-patterns', severity: DiagnosticSeverity.Hint, message: 'missing inverse', ...(data !== undefined ? { data } : {}),
});
const fixtures = readNavFixtures();
const THERAPEUTIC = 'therapeutic-relationship-building.md';

/** Runs the fix for a diagnostic in `from` and returns the action titles and every file's text after the first action. */
function fixInverse(files: Record<string, string>, from: string, diagnostic: Diagnostic, open: Record<string, number> = {}) {
  const ws = createNavWorkspace(files);
  for (const [name, version] of Object.entries(open)) ws.open(name, version);
  const actions = provideCodeActions(ws.ctx, ws.doc(from), diagnostic.range, [diagnostic]);
  const versions = new Map(Object.entries(open).map(([name, v]) => [uriOf(name), v]));
  return { actions, after: actions.length > 0 ? applyWorkspaceEdit(ws.files, actions[0].edit!, versions) : ws.files };
}

test('missing-inverse: `[]` with a comment becomes a block list in the file\'s own list style', () => {
  const data = { targetUri: uriOf('active-listening-depth.md'), inverseKind: 'specializes_to', slug: 'therapeutic-relationship-building' };
  for (const diagnostic of [missingInverse(range(65, 12, 34), data), missingInverse(range(65, 12, 34))]) {
    const { actions, after } = fixInverse(fixtures, THERAPEUTIC, diagnostic, { 'active-listening-depth.md': 4 });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Add 'therapeutic-relationship-building' to active-listening-depth's specializes_to", true]]);
    assert.deepEqual(actions[0].edit!.documentChanges, [{
      textDocument: { uri: uriOf('active-listening-depth.md'), version: 4 },
      edits: [{ range: range(14, 17, 33), newText: '   # none yet\n  - slug: therapeutic-relationship-building\n    weight: 0.85' }],
    }]);
    assert.equal(after.get(uriOf('active-listening-depth.md')), fixtures['active-listening-depth.md'].replace(
      '  specializes_to: []   # none yet\n',
      '  specializes_to:   # none yet\n  - slug: therapeutic-relationship-building\n    weight: 0.85\n',
    ));
    assert.equal(after.get(uriOf(THERAPEUTIC)), fixtures[THERAPEUTIC], 'the file with the diagnostic is not touched');
  }
});

test('missing-inverse: appended after the last entry of a block list, with the same weight, in LF and in CRLF with a BOM', () => {
  const crlf = '\uFEFF' + fixtures[THERAPEUTIC].replace(/\n/g, '\r\n');
  for (const [therapeutic, eol] of [[fixtures[THERAPEUTIC], '\n'], [crlf, '\r\n']]) {
    const files = { ...fixtures, [THERAPEUTIC]: therapeutic };
    const { actions, after } = fixInverse(files, 'emotional-safety.md', missingInverse(range(37, 12, 45)));
    assert.deepEqual(actions.map((a) => a.title), ["Add 'emotional-safety' to therapeutic-relationship-building's generalizes_from"]);
    assert.deepEqual((actions[0].edit!.documentChanges![0] as TextDocumentEdit).edits, [
      { range: range(68, 18, 18), newText: `${eol}    - slug: emotional-safety${eol}      weight: 0.7` },
    ]);
    const anchor = `      weight: 0.82${eol}  specializes_to: []`;
    assert.equal(after.get(uriOf(THERAPEUTIC)), therapeutic.replace(anchor, `      weight: 0.82${eol}    - slug: emotional-safety${eol}      weight: 0.7${eol}  specializes_to: []`));
  }
});

const CHILD = '---\nslug: child\nrelationships:\n  generalizes_from:\n    - slug: parent\n      weight: 0.9\n---\n';
const CHILD_BARE = '---\nslug: child\nrelationships:\n  generalizes_from:\n    - parent\n---\n';

/** The parent's text after the fix offered on the child's link to it. */
function parentAfterFix(parent: string, child = CHILD): string | undefined {
  const { actions, after } = fixInverse({ 'child.md': child, 'parent.md': parent }, 'child.md', missingInverse(child === CHILD_BARE ? range(4, 6, 12) : range(4, 12, 18)));
  return actions.length === 0 ? undefined : after.get(uriOf('parent.md'));
}

test('missing-inverse: a missing key is added after the last relationship, with the file\'s dash indentation', () => {
  assert.equal(
    parentAfterFix('---\nslug: parent\nrelationships:\n  enables:\n  - "x-one"\n  tools: []  # later\n---\nbody\n'),
    '---\nslug: parent\nrelationships:\n  enables:\n  - "x-one"\n  tools: []  # later\n  specializes_to:\n  - slug: child\n    weight: 0.9\n---\nbody\n',
  );
});

test('missing-inverse: no relationships at all → a new mapping at the end of the frontmatter', () => {
  assert.equal(
    parentAfterFix('---\nslug: parent\ntitle: P\n---\nbody\n'),
    '---\nslug: parent\ntitle: P\nrelationships:\n  specializes_to:\n    - slug: child\n      weight: 0.9\n---\nbody\n',
  );
});

test('missing-inverse: flow lists, bare and quoted entries, empty and `~` values keep their style', () => {
  const parent = (list: string) => `---\nslug: parent\nrelationships:\n${list}---\n`;
  assert.equal(parentAfterFix(parent('  specializes_to: [other-one, "other-two"]\n')), parent('  specializes_to: [other-one, "other-two", child]\n'));
  assert.equal(parentAfterFix(parent('  specializes_to: [{slug: other-one, weight: 0.5}]\n')), parent('  specializes_to: [{slug: other-one, weight: 0.5}, {slug: child, weight: 0.9}]\n'));
  assert.equal(parentAfterFix(parent('  specializes_to:\n    - "other-one"   # first\n')), parent('  specializes_to:\n    - "other-one"   # first\n    - "child"\n'));
  assert.equal(
    parentAfterFix(parent("  specializes_to:\n      -   slug: 'other-one'\n          weight: 0.5\n")),
    parent("  specializes_to:\n      -   slug: 'other-one'\n          weight: 0.5\n      -   slug: 'child'\n          weight: 0.9\n"),
  );
  assert.equal(parentAfterFix(parent('  specializes_to:   # none\n  enables: []\n')), parent('  specializes_to:   # none\n    - slug: child\n      weight: 0.9\n  enables: []\n'));
  assert.equal(parentAfterFix(parent('  specializes_to: ~  # none\n')), parent('  specializes_to:  # none\n    - slug: child\n      weight: 0.9\n'));
  assert.equal(parentAfterFix(parent('  specializes_to:\n'), CHILD_BARE), parent('  specializes_to:\n    - slug: child\n'));
});

test('missing-inverse: no fix when the inverse is already there, the other file is broken, or the link is not a generalization', () => {
  assert.equal(parentAfterFix('---\nslug: parent\nrelationships:\n  specializes_to: [child]\n---\n'), undefined);
  assert.equal(parentAfterFix('---\nslug: parent\nrelationships: [oops\n---\n'), undefined);
  assert.equal(parentAfterFix('---\nslug: parent\nrelationships: {enables: []}\n---\n'), undefined);
  const enables = '---\nslug: child\nrelationships:\n  enables:\n    - slug: parent\n---\n';
  assert.equal(parentAfterFix('---\nslug: parent\n---\n', enables), undefined);
});
