import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { overallScoreMismatchRule } from '../../../server/src/core/rules/overallScoreMismatchRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [overallScoreMismatchRule];
const code = 'overall-score-mismatch';

describe('overall-score-mismatch', () => {
  it('reports an overall_score far from the mean, on the value, with the mean and its rounding', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('scores'));
    assertFindingsInEveryEncoding(ws, 'score-mismatch.md', rules, [
      { code, range: range(26, 19, 26, 22), message: 'overall_score is 3.8, but the mean of the seven pillars and vitality is 3.375; expected 3.4' },
    ]);
    const [diagnostic] = ws.check('score-mismatch.md', rules);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.data, { mean: 3.4 });
  });

  it('names both roundings of a tie, in a flow mapping after an emoji on the same line', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('scores'));
    assertFindingsInEveryEncoding(ws, 'tie-mismatch.md', rules, [
      { code, range: range(17, 228, 17, 231), message: 'overall_score is 3.4, but the mean of the seven pillars and vitality is 3.25; expected 3.2 or 3.3' },
    ]);
    assert.deepEqual(ws.check('tie-mismatch.md', rules)[0].data, { mean: 3.3 });
  });

  it('accepts either rounding of a tie, float noise at exactly 0.05, and skips incomplete or absent scores', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('scores'));
    for (const name of ['tie-rounded-down.md', 'tie-rounded-up.md', 'float-noise.md', 'incomplete-pillars.md', 'no-overall.md']) {
      assert.deepEqual(findingsOf(ws.check(name, rules)), [], name);
    }
  });

  it('draws the line just past 0.05', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('scores'));
    const text = ws.text('tie-rounded-up.md');
    ws.setFile('tie-rounded-up.md', text.replace('overall_score: 3.3', 'overall_score: 3.2999'));
    assert.deepEqual(findingsOf(ws.check('tie-rounded-up.md', rules)), []);
    ws.setFile('tie-rounded-up.md', text.replace('overall_score: 3.3', 'overall_score: 3.31'));
    assert.deepEqual(findingsOf(ws.check('tie-rounded-up.md', rules)), [
      { code, range: range(26, 19, 26, 23), message: 'overall_score is 3.31, but the mean of the seven pillars and vitality is 3.25; expected 3.2 or 3.3' },
    ]);
    ws.setFile('tie-rounded-up.md', text.replace('overall_score: 3.3', 'overall_score: 3.19'));
    assert.deepEqual(findingsOf(ws.check('tie-rounded-up.md', rules)).map((f) => f.message), [
      'overall_score is 3.19, but the mean of the seven pillars and vitality is 3.25; expected 3.2 or 3.3',
    ]);
  });
});
