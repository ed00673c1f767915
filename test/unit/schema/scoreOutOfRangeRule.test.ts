import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Range } from 'vscode-languageserver-types';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { createPatternSchema, loadPatternSchema, type PatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { scoreOutOfRangeRule } from '../../../server/src/core/rules/scoreOutOfRangeRule';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'schema');
const patternSchema = loadPatternSchema();

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const r = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

function check(text: string, schema: PatternSchema = patternSchema): Array<{ range: Range; message: string }> {
  const doc = parsePatternDocument('file:///patterns/scores.md', text);
  assert.equal(doc.yamlErrors.length, 0, 'the test text is valid YAML');
  const context = { doc, index: new WorkspaceIndex(), schema, validator: createSchemaValidator(schema), fileSlug: 'scores', links: [] };
  return scoreOutOfRangeRule.check(context).map((f) => {
    assert.equal(f.severity, undefined, 'the rule default (error) applies');
    return { range: f.range, message: f.message };
  });
}

const OUT_OF_RANGE = [
  { range: r(14, 16, 17), message: 'resilience is 7; scores range from 0 to 5' },
  { range: r(15, 15, 17), message: 'ownership is -1; scores range from 0 to 5' },
  { range: r(19, 14, 17), message: 'vitality is 5.5; scores range from 0 to 5' },
  { range: r(20, 19, 23), message: 'overall_score is 10.0; scores range from 0 to 5' },
  { range: r(26, 14, 15), message: 'confidence is 4; confidence ranges from 1 to 3' },
  { range: r(30, 14, 17), message: 'weight is 1.5; weights range from 0 to 1' },
  { range: r(32, 14, 18), message: 'weight is -0.2; weights range from 0 to 1' },
  { range: r(38, 17, 20), message: 'relevance is 1.2; relevance ranges from 0 to 1' },
  { range: r(41, 18, 19), message: 'confidence is 2; confidence ranges from 0 to 1' },
  { range: r(45, 18, 22), message: 'confidence is 1.01; confidence ranges from 0 to 1' },
  { range: r(46, 16, 18), message: 'strength is -3; strength must be at least 0' },
];

describe('score-out-of-range rule', () => {
  it('reports every kind of scored number outside its range, at the number', () => {
    assert.deepEqual(check(fixture('score-out-of-range.md')), OUT_OF_RANGE);
  });

  it('gives the same ranges with CRLF line breaks and a byte-order mark', () => {
    const text = fixture('score-out-of-range.md');
    assert.deepEqual(check(text.replace(/\n/g, '\r\n')), OUT_OF_RANGE);
    assert.deepEqual(check(`\ufeff${text}`), OUT_OF_RANGE);
    assert.deepEqual(check(`\ufeff${text.replace(/\n/g, '\r\n')}`), OUT_OF_RANGE);
  });

  it('accepts numbers exactly at their limits, and the reference example', () => {
    assert.deepEqual(check(fixture('scores-at-limits.md')), []);
    assert.deepEqual(check(fixture('therapeutic-relationship-building.md')), []);
  });

  it('counts an emoji before the number as two UTF-16 code units', () => {
    assert.deepEqual(check(fixture('emoji-before-finding.md')), [{ range: r(8, 65, 68), message: 'relevance is 1.5; relevance ranges from 0 to 1' }]);
  });

  it('reports .inf and .nan, which lie in no range', () => {
    const text = '---\nslug: s\nontology:\n  commons_assessment:\n    resilience: .inf\n    autonomy: .nan\n    ownership: -.inf\n---\n';
    assert.deepEqual(check(text), [
      { range: r(4, 16, 20), message: 'resilience is .inf; scores range from 0 to 5' },
      { range: r(5, 14, 18), message: 'autonomy is .nan; scores range from 0 to 5' },
      { range: r(6, 15, 20), message: 'ownership is -.inf; scores range from 0 to 5' },
    ]);
  });

  it('ignores text that looks like a number, numbers without a range and unknown keys', () => {
    const text = '---\nslug: s\nontology:\n  commons_assessment:\n    resilience: "7"\nlifecycle:\n  version: 99\nrandom: 99\nrelationships:\n  enables: [99]\n---\n';
    assert.deepEqual(check(text), []);
  });

  it('takes its ranges from the schema, so a new scored field needs no code', () => {
    const schema = createPatternSchema({
      type: 'object',
      properties: {
        rating: { type: 'number', minimum: 1, maximum: 10 },
        ratio: { type: 'number', exclusiveMinimum: 0 },
        percentages: { type: 'array', items: { $ref: '#/definitions/percentage' } },
      },
      definitions: { percentage: { type: 'number', minimum: 0, maximum: 100 } },
    });
    const text = '---\nrating: 11\nratio: 0\npercentages: [50, 101]\n---\n';
    assert.deepEqual(check(text, schema), [
      { range: r(1, 8, 10), message: 'rating is 11; ratings range from 1 to 10' },
      { range: r(2, 7, 8), message: 'ratio is 0; ratios must be greater than 0' },
      { range: r(3, 18, 21), message: 'percentages[1] is 101; percentages range from 0 to 100' },
    ]);
  });
});
