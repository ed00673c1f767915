import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { checkDocument, MAX_FINDINGS_PER_RULE } from '../../../server/src/core/rules/checkDocument';
import type { DiagnosticRule } from '../../../server/src/core/rules/rule';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

const schema = loadPatternSchema();
const env = { index: new WorkspaceIndex(), schema, validator: createSchemaValidator(schema) };

/** A rule that reports one finding per line of the file: a stand-in for a file with a flood of problems. */
const perLineRule: DiagnosticRule = {
  code: 'schema',
  scope: 'document',
  description: 'A stand-in rule with one finding per line',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check: ({ doc }) => Array.from({ length: doc.lines.lineCount }, (_, line) => ({
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
    message: `line ${line}`,
  })),
};

it('sums up a rule past MAX_FINDINGS_PER_RULE findings in one diagnostic of the same code', () => {
  const lines = ['---', 'slug: flood', ...Array.from({ length: 1200 }, (_, i) => `k${i}: 1`), '---', ''];
  const doc = parsePatternDocument('file:///flood.md', lines.join('\n'));
  const diagnostics = checkDocument(doc, { ...env, rules: [perLineRule] });
  assert.equal(diagnostics.length, MAX_FINDINGS_PER_RULE + 1);
  const summary = diagnostics[diagnostics.length - 1];
  assert.equal(summary.code, 'schema');
  assert.equal(summary.message, `${lines.length - MAX_FINDINGS_PER_RULE} more 'schema' problems in this file are not shown (at most ${MAX_FINDINGS_PER_RULE} a rule)`);
  assert.deepEqual(summary.range, { start: { line: MAX_FINDINGS_PER_RULE - 1, character: 0 }, end: { line: MAX_FINDINGS_PER_RULE - 1, character: 1 } });
});

it('leaves a rule with fewer findings alone', () => {
  const doc = parsePatternDocument('file:///few.md', '---\nslug: few\na: 1\n---\n');
  assert.equal(checkDocument(doc, { ...env, rules: [perLineRule] }).length, 5);
});
