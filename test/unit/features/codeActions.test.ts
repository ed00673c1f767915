import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit } from 'vscode-languageserver-types';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideCodeActions } from '../../../server/src/core/features/codeActions';
import { closestSlugs } from '../../../server/src/core/features/quickfixes/closestSlugs';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { applyWorkspaceEdit, createNavWorkspace, readNavFixtures, uriOf } from './navWorkspace';

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const diagnostic = (code: string, r: Range, data?: unknown): Diagnostic => ({
  range: r, code, source: 'commons-patterns', severity: DiagnosticSeverity.Warning, message: code, ...(data !== undefined ? { data } : {}),
});
const fixtures = readNavFixtures();
const TRUST = fixtures['trust-circles.md'];

function actionsFor(files: Record<string, string>, name: string, diag: Diagnostic): { actions: CodeAction[]; files: Map<string, string> } {
  const ws = createNavWorkspace(files);
  return { actions: provideCodeActions(ws.ctx, ws.doc(name), diag.range, [diag]), files: ws.files };
}

test('broken relationship: "Change to" the closest slug (preferred), then "Create pattern"', () => {
  const broken = diagnostic('broken-relationship', range(21, 12, 29));
  const { actions, files } = actionsFor(fixtures, 'trust-circles.md', broken);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    ["Change to 'emotional-safety'", CodeActionKind.QuickFix, true],
    ["Create pattern 'emotional-safetey'", CodeActionKind.QuickFix, false],
  ]);
  assert.deepEqual(actions[0].diagnostics, [broken]);
  assert.deepEqual(actions[0].edit, {
    documentChanges: [{ textDocument: { uri: uriOf('trust-circles.md'), version: null }, edits: [{ range: range(21, 12, 29), newText: 'emotional-safety' }] }],
  });
  const after = applyWorkspaceEdit(files, actions[0].edit!);
  assert.equal(after.get(uriOf('trust-circles.md')), TRUST.replace('slug: emotional-safetey\n', 'slug: emotional-safety\n'));
});

test('"Create pattern" creates <slug>.md beside the linking file from the template, titled after the slug', () => {
  const { actions, files } = actionsFor(fixtures, 'trust-circles.md', diagnostic('broken-relationship', range(21, 12, 29)));
  const create = actions.find((a) => a.title === "Create pattern 'emotional-safetey'")!;
  const [createFile, fill] = create.edit!.documentChanges! as [unknown, TextDocumentEdit];
  assert.deepEqual(createFile, { kind: 'create', uri: uriOf('emotional-safetey.md'), options: { overwrite: false, ignoreIfExists: false } });
  assert.deepEqual(fill.textDocument, { uri: uriOf('emotional-safetey.md'), version: null });
  assert.deepEqual(fill.edits.map((e) => e.range), [range(0, 0, 0)]);
  const created = parsePatternDocument(uriOf('emotional-safetey.md'), applyWorkspaceEdit(files, create.edit!).get(uriOf('emotional-safetey.md'))!);
  const data = created.data as { slug: string; title: string; ontology: { domain: string } };
  assert.deepEqual([data.slug, data.title, data.ontology.domain], ['emotional-safetey', 'Emotional Safetey', 'collective-intelligence']);
  assert.equal(created.sections.length, 8);
});

test('no "Create pattern" when the file exists or the target is not a valid slug; quotes are kept by "Change to"', () => {
  const withFile = { ...fixtures, 'emotional-safetey.md': 'notes\n' };
  const { actions } = actionsFor(withFile, 'trust-circles.md', diagnostic('broken-relationship', range(21, 12, 29)));
  assert.deepEqual(actions.map((a) => a.title), ["Change to 'emotional-safety'"]);
  const odd = { ...fixtures, 'odd.md': '---\nslug: odd\ngraph_garden:\n  inferred_links:\n    - target: "Emotional Safety"\n---\n' };
  const result = actionsFor(odd, 'odd.md', diagnostic('broken-inferred-link', range(4, 14, 32)));
  assert.deepEqual(result.actions.map((a) => a.title), ["Change to 'emotional-safety'"]);
  assert.equal(applyWorkspaceEdit(result.files, result.actions[0].edit!).get(uriOf('odd.md')), odd['odd.md'].replace('"Emotional Safety"', '"emotional-safety"'));
});

test('a stale diagnostic (the target resolves now) and foreign diagnostics get no fix', () => {
  const ws = createNavWorkspace(fixtures);
  const doc = ws.doc('trust-circles.md');
  assert.deepEqual(provideCodeActions(ws.ctx, doc, range(19, 12, 28), [diagnostic('broken-relationship', range(19, 12, 28))]), []);
  const foreign = { ...diagnostic('broken-relationship', range(21, 12, 29)), source: 'markdownlint' };
  assert.deepEqual(provideCodeActions(ws.ctx, doc, range(21, 12, 29), [foreign, diagnostic('schema', range(2, 6, 18))]), []);
});

test('overall-score-mismatch: "Set overall_score to <mean>" from data, or recomputed when data is missing', () => {
  const withData = actionsFor(fixtures, 'trust-circles.md', diagnostic('overall-score-mismatch', range(16, 19, 22), { mean: 3.6 }));
  const withoutData = actionsFor(fixtures, 'trust-circles.md', diagnostic('overall-score-mismatch', range(16, 19, 22)));
  for (const { actions, files } of [withData, withoutData]) {
    assert.deepEqual(actions.map((a) => a.title), ['Set overall_score to 3.6']);
    assert.deepEqual((actions[0].edit!.documentChanges![0] as TextDocumentEdit).edits, [{ range: range(16, 19, 22), newText: '3.6' }]);
    assert.equal(applyWorkspaceEdit(files, actions[0].edit!).get(uriOf('trust-circles.md')), TRUST.replace('overall_score: 4.2\n', 'overall_score: 3.6\n'));
  }
  // A whole mean is written with one decimal, as the template does; a CRLF file keeps its line breaks.
  const whole = TRUST.replace('vitality: 3.5', 'vitality: 4').replace('fractal_value: 3', 'fractal_value: 4').replace(/\n/g, '\r\n');
  const { actions, files } = actionsFor({ 'trust-circles.md': whole }, 'trust-circles.md', diagnostic('overall-score-mismatch', range(16, 19, 22)));
  assert.deepEqual(actions.map((a) => a.title), ['Set overall_score to 3.8']);
  assert.equal(applyWorkspaceEdit(files, actions[0].edit!).get(uriOf('trust-circles.md')), whole.replace('overall_score: 4.2\r\n', 'overall_score: 3.8\r\n'));
});

test('slug-filename-mismatch: change the slug (links follow) or rename the file', () => {
  const files = { ...fixtures, 'circle-user.md': "---\nslug: circle-user\nrelationships:\n  tools:\n    - 'trust-circle'  # the circle\n---\n" };
  const { actions, files: texts } = actionsFor(files, 'trust-circles.md', diagnostic('slug-filename-mismatch', range(2, 6, 18)));
  assert.deepEqual(actions.map((a) => a.title), ["Change slug to 'trust-circles'", "Rename file to 'trust-circle.md'"]);
  assert.deepEqual(actions[1].edit, { documentChanges: [{ kind: 'rename', oldUri: uriOf('trust-circles.md'), newUri: uriOf('trust-circle.md') }] });
  const after = applyWorkspaceEdit(texts, actions[0].edit!);
  assert.equal(after.get(uriOf('trust-circles.md')), TRUST.replace('slug: trust-circle\n', 'slug: trust-circles\n'));
  assert.equal(after.get(uriOf('circle-user.md')), files['circle-user.md'].replace("'trust-circle'", "'trust-circles'"));
});

test('slug-filename-mismatch: no "Change slug" when the file name is taken as a slug, no rename onto an existing file', () => {
  const files = { ...fixtures, 'other.md': '---\nslug: trust-circles\n---\n', 'trust-circle.md': 'notes\n' };
  const { actions } = actionsFor(files, 'trust-circles.md', diagnostic('slug-filename-mismatch', range(2, 6, 18)));
  assert.deepEqual(actions, []);
});

test('closestSlugs ranks typos and shared title words among 20,000 patterns', () => {
  const index = new WorkspaceIndex();
  const add = (slug: string, title: string) => index.set(summarizePattern(uriOf(`${slug}.md`), { slug, title })!);
  for (let i = 0; i < 20000; i++) add(`generated-pattern-${i}`, `Generated Pattern ${i}`);
  add('emotional-safety', 'Emotional Safety');
  add('safety-emotional', 'Safety, Emotional');
  add('trust-building', 'Building Trust In Emotional Safety Teams');
  const found = closestSlugs(index, 'emotional-safetey', 3);
  assert.deepEqual(found.map((s) => s.slug), ['emotional-safety', 'safety-emotional', 'trust-building']);
  assert.deepEqual(closestSlugs(index, 'zzzz-qqqq', 3), []);
});
