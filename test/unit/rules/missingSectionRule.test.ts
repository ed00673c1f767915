import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { missingSectionRule } from '../../../server/src/core/rules/missingSectionRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [missingSectionRule];
const code = 'missing-section';

describe('missing-section', () => {
  it('reports a missing section on the heading that should follow it', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'missing-implementation.md', rules, [
      { code, range: range(49, 0, 49, 27), message: "Missing '### Section 4: Implementation' (expected after Section 3)" },
    ]);
    assert.equal(ws.check('missing-implementation.md', rules)[0].severity, DiagnosticSeverity.Warning);
    assertFindingsInEveryEncoding(ws, 'missing-context.md', rules, [
      { code, range: range(40, 0, 40, 22), message: "Missing '### Section 1: Context' (expected before Section 2)" },
    ]);
  });

  it('reports a missing last section at the end of the last line with text (UTF-16 characters)', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'missing-vitality.md', rules, [
      { code, range: range(59, 13, 59, 13), message: "Missing '### Section 8: Vitality' (expected after Section 7)" },
    ]);
  });

  it('reports each of the eight sections of a body that has none', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    const end = range(38, 41, 38, 41);
    assertFindingsInEveryEncoding(ws, 'no-sections.md', rules, [
      { code, range: end, message: "Missing '### Section 1: Context' (expected before Section 2)" },
      { code, range: end, message: "Missing '### Section 2: Problem' (expected after Section 1)" },
      { code, range: end, message: "Missing '### Section 3: Solution' (expected after Section 2)" },
      { code, range: end, message: "Missing '### Section 4: Implementation' (expected after Section 3)" },
      { code, range: end, message: "Missing '### Section 5: Consequences' (expected after Section 4)" },
      { code, range: end, message: "Missing '### Section 6: Known Uses' (expected after Section 5)" },
      { code, range: end, message: "Missing '### Section 7: Cognitive Era' (expected after Section 6)" },
      { code, range: end, message: "Missing '### Section 8: Vitality' (expected after Section 7)" },
    ]);
  });

  it('does not count a heading inside a fenced code block', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'fenced-heading.md', rules, [
      { code, range: range(53, 0, 53, 27), message: "Missing '### Section 4: Implementation' (expected after Section 3)" },
    ]);
  });

  it('reports a heading out of order on its line, keeping the earlier headings as the order', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'out-of-order.md', rules, [
      { code, range: range(49, 0, 49, 23), message: "'### Section 3: Solution' is out of order; expected after Section 2 and before Section 4" },
    ]);
  });

  it('reports the one heading that breaks the order, not the run of headings after it', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'far-out-of-order.md', rules, [
      { code, range: range(43, 0, 43, 27), message: "'### Section 5: Consequences' is out of order; expected after Section 4 and before Section 6" },
    ]);
  });

  it('reports a section under the wrong number', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'wrong-number.md', rules, [
      { code, range: range(49, 0, 49, 29), message: "'### Section 5: Implementation' has the wrong number; expected '### Section 4: Implementation'" },
    ]);
  });

  it('recognizes a section by its name in any case', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    ws.setFile('wrong-number.md', ws.text('wrong-number.md').replace('### Section 5: Implementation', '### Section 5: IMPLEMENTATION'));
    assert.deepEqual(findingsOf(ws.check('wrong-number.md', rules)), [
      { code, range: range(49, 0, 49, 29), message: "'### Section 5: IMPLEMENTATION' has the wrong number; expected '### Section 4: Implementation'" },
    ]);
  });

  it('recognizes a section by its name whatever the blanks inside, around or instead of its spaces', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    // Under numbers of no section, so that only their names tell which sections they are.
    const text = ws.text('wrong-number.md')
      .replace('### Section 5: Implementation', '### Section 5: Implementation\u00a0 (notes)')
      .replace('### Section 6: Known Uses', '### Section 9: known \t USES')
      .replace('### Section 7: Cognitive Era', '### Section 9: Cognitive\u00a0Era');
    ws.setFile('wrong-number.md', text);
    assert.deepEqual(findingsOf(ws.check('wrong-number.md', rules)), [
      { code, range: range(49, 0, 49, 38), message: "'### Section 5: Implementation\u00a0 (notes)' has the wrong number; expected '### Section 4: Implementation'" },
      { code, range: range(55, 0, 55, 27), message: "'### Section 9: known \t USES' has the wrong number; expected '### Section 6: Known Uses'" },
      { code, range: range(58, 0, 58, 28), message: "'### Section 9: Cognitive\u00a0Era' has the wrong number; expected '### Section 7: Cognitive Era'" },
    ]);
  });

  it('ignores a repeated heading rather than calling it out of order', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    ws.setFile('all-sections.md', `${ws.text('all-sections.md')}\n### Section 2: Problem\nMore.\n`);
    assert.deepEqual(findingsOf(ws.check('all-sections.md', rules)), []);
  });

  it('accepts all eight sections, with word-count or other notes in parentheses after the name', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assert.deepEqual(findingsOf(ws.check('all-sections.md', rules)), []);
    assert.deepEqual(findingsOf(new InMemoryWorkspace(readFixtureFolder('links')).check('emotional-safety.md', rules)), []);
  });
  it('counts a near-miss heading (### 1. Context) as its section and asks for the spec form on that line', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('sections'));
    assertFindingsInEveryEncoding(ws, 'near-miss-headings.md', rules, [
      { code, range: range(40, 0, 40, 14), message: "'### 1. Context' is not a section heading of the spec's form; expected '### Section 1: Context'" },
      { code, range: range(43, 0, 43, 14), message: "'### 2. Problem' is not a section heading of the spec's form; expected '### Section 2: Problem'" },
    ]);
  });
});
