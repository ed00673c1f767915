import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { findLinkReferences } from '../../../server/src/core/document/linkReferences';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { schemaRule } from '../../../server/src/core/rules/schemaRule';
import { scoreOutOfRangeRule } from '../../../server/src/core/rules/scoreOutOfRangeRule';
import type { DiagnosticRule } from '../../../server/src/core/rules/rule';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'schema');
const schema = loadPatternSchema();
const validator = createSchemaValidator(schema);

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const r = (startLine: number, startChar: number, endLine: number, endChar: number): Range => ({ start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } });

interface Found { readonly range: Range; readonly severity: DiagnosticSeverity | undefined; readonly message: string }

function check(rule: DiagnosticRule, text: string, name = 'pattern.md'): Found[] {
  const doc = parsePatternDocument(`file:///patterns/${name}`, text);
  assert.equal(doc.yamlErrors.length, 0, 'the test text is valid YAML');
  const findings = rule.check({ doc, index: new WorkspaceIndex(), schema, validator, fileSlug: name.replace(/\.md$/, ''), links: findLinkReferences(doc) });
  return findings
    .map((f) => ({ range: f.range, severity: f.severity, message: f.message }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const ENUM_MESSAGE = "'enabler' is not a valid inferred-link type; expected one of: generalizes_from, specializes_to, enables, requires, alternatives, complementary, tools (did you mean 'enables'?)";
const VIOLATIONS: readonly Found[] = [
  { range: r(0, 0, 0, 3), severity: undefined, message: "Missing required key 'summary' in the top level" },
  { range: r(3, 7, 3, 9), severity: undefined, message: "'title' should be a string, not a number" },
  { range: r(4, 0, 4, 12), severity: DiagnosticSeverity.Warning, message: "Unknown key 'relatonships' in the top level; did you mean 'relationships'?" },
  { range: r(7, 0, 7, 9), severity: undefined, message: "Missing required key 'status' in 'lifecycle'" },
  { range: r(20, 12, 20, 19), severity: undefined, message: ENUM_MESSAGE },
];

describe('schema rule', () => {
  it('reports each violation of schema-violations.md at the offending node', () => {
    assert.deepEqual(check(schemaRule, fixture('schema-violations.md')), VIOLATIONS);
  });

  it('gives the same ranges with CRLF line breaks', () => {
    assert.deepEqual(check(schemaRule, fixture('schema-violations.md').replace(/\n/g, '\r\n')), VIOLATIONS);
  });

  it('moves only the fence range (line 0) when a byte-order mark precedes it', () => {
    const expected = [{ ...VIOLATIONS[0], range: r(0, 1, 0, 4) }, ...VIOLATIONS.slice(1)];
    assert.deepEqual(check(schemaRule, `\ufeff${fixture('schema-violations.md')}`), expected);
    assert.deepEqual(check(schemaRule, `\ufeff${fixture('schema-violations.md').replace(/\n/g, '\r\n')}`), expected);
  });

  it('counts an emoji before the finding as two UTF-16 code units', () => {
    assert.deepEqual(check(schemaRule, fixture('emoji-before-finding.md')), [
      { range: r(5, 25, 5, 26), severity: undefined, message: "'aliases[1]' should be a string, not a number" },
    ]);
  });

  it('finds nothing in the reference example or in files that only break score ranges', () => {
    assert.deepEqual(check(schemaRule, fixture('therapeutic-relationship-building.md')), []);
    assert.deepEqual(check(schemaRule, fixture('scores-at-limits.md')), []);
    assert.deepEqual(check(schemaRule, fixture('score-out-of-range.md')), []);
  });

  it('marks an empty value at its key, since the value has no text', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: empty-title\ntitle:\nsummary: s\n---\n';
    assert.deepEqual(check(schemaRule, text), [{ range: r(3, 0, 3, 5), severity: undefined, message: "'title' is empty; it should be a string" }]);
  });

  it('marks a relationship entry lacking its target: the entry mapping, once', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: entry\ntitle: t\nsummary: s\nrelationships:\n  enables:\n    - weight: 0.5\n      description: "no target"\n---\n';
    assert.deepEqual(check(schemaRule, text), [
      { range: r(7, 6, 8, 30), severity: undefined, message: "Missing required key 'slug' in 'relationships.enables[0]'" },
    ]);
  });

  it('marks a missing key of a nested mapping at that mapping\'s key', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: nested\ntitle: t\nsummary: s\nontology:\n  domain: d\n  search_hints:\n    primary_tension: p\n  commons_assessment: {}\n---\n';
    const found = check(schemaRule, text);
    assert.deepEqual(found[0], { range: r(7, 2, 7, 14), severity: undefined, message: "Missing required key 'vector_keywords' in 'ontology.search_hints'" });
    assert.deepEqual(found.slice(1).map((f) => f.range), Array(9).fill(r(9, 2, 9, 20)));
  });

  it('marks an alias at the alias when the value comes through one', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: alias\nsummary: &s 42\ntitle: *s\n---\n';
    assert.deepEqual(check(schemaRule, text), [
      { range: r(3, 12, 3, 14), severity: undefined, message: "'summary' should be a string, not a number" },
      { range: r(4, 7, 4, 9), severity: undefined, message: "'title' should be a string, not a number" },
    ]);
  });

  it('survives an anchor used inside itself (cyclic data) and reports the wrong type once', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: cycle\ntitle: t\nsummary: s\ngraph_garden: {inferred_links: [{target: x, type: &t {a: *t}}]}\n---\n';
    assert.deepEqual(check(schemaRule, text), [
      { range: r(5, 53, 5, 60), severity: undefined, message: "'type' should be a string, not a mapping" },
    ]);
  });

  it('marks an unknown key in a flow mapping at the key', () => {
    const text = '---\nid: pat_01khvcxcmwee1s6wdhmrpk0x2d\nslug: flow\ntitle: t\nsummary: s\nrelationships: {enables: [], enabels: []}\n---\n';
    assert.deepEqual(check(schemaRule, text), [
      { range: r(5, 29, 5, 36), severity: DiagnosticSeverity.Warning, message: "Unknown key 'enabels' in 'relationships'; a misspelling of 'enables', which is already here? Its entries are not read" },
    ]);
  });
});

describe('schema and score-out-of-range in checkDocument', () => {
  it('are listed in allRules and carry their code, source and severity', () => {
    const doc = parsePatternDocument('file:///patterns/schema-violations.md', fixture('schema-violations.md'));
    const diagnostics = checkDocument(doc, { index: new WorkspaceIndex(), schema, validator });
    const mine = diagnostics.filter((d) => d.code === 'schema');
    assert.deepEqual(mine.map((d) => [d.range, d.severity, d.source, d.message]), VIOLATIONS.map((v) => [v.range, v.severity ?? DiagnosticSeverity.Error, 'commons-patterns', v.message]));
    const scores = parsePatternDocument('file:///patterns/score-out-of-range.md', fixture('score-out-of-range.md'));
    const scoreDiagnostics = checkDocument(scores, { index: new WorkspaceIndex(), schema, validator }).filter((d) => d.code === 'score-out-of-range');
    assert.equal(scoreDiagnostics.length, 11);
    assert.ok(scoreDiagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
  });

  it('honour severity overrides and `off`', () => {
    const doc = parsePatternDocument('file:///patterns/schema-violations.md', fixture('schema-violations.md'));
    const rules = [schemaRule, scoreOutOfRangeRule];
    assert.deepEqual(checkDocument(doc, { index: new WorkspaceIndex(), schema, validator, rules, severity: { schema: 'off' } }), []);
    const hints = checkDocument(doc, { index: new WorkspaceIndex(), schema, validator, rules, severity: { schema: 'hint' } });
    assert.deepEqual(hints.map((d) => d.severity), Array(5).fill(DiagnosticSeverity.Hint));
  });

  it('do not run on legacy v1 files', () => {
    const doc = parsePatternDocument('file:///patterns/old.md', '---\nslug: old\nclassification: {x: 1}\ntitle: 42\n---\n');
    const codes = checkDocument(doc, { index: new WorkspaceIndex(), schema, validator, rules: [schemaRule, scoreOutOfRangeRule] }).map((d) => d.code);
    assert.deepEqual(codes, []);
  });
});
