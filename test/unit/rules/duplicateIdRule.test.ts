import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { duplicateIdRule } from '../../../server/src/core/rules/duplicateIdRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [duplicateIdRule];
const code = 'duplicate-id';

describe('duplicate-id', () => {
  it('gives both files declaring the same id an error naming the other file', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    assertFindingsInEveryEncoding(ws, 'twin-one.md', rules, [
      { code, range: range(1, 4, 1, 34), message: "id 'pat_01jzrulefixture00000twin01' is also declared by twin-two.md; each pattern needs its own id" },
    ]);
    assert.deepEqual(findingsOf(ws.check('twin-two.md', rules)), [
      { code, range: range(1, 4, 1, 34), message: "id 'pat_01jzrulefixture00000twin01' is also declared by twin-one.md; each pattern needs its own id" },
    ]);
    assert.equal(ws.check('twin-two.md', rules)[0].severity, DiagnosticSeverity.Error);
  });

  it('finds nothing for unique ids, even where slugs are shared', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    for (const name of ['solo-pattern.md', 'a/common-ground.md', 'renamed-file.md']) {
      assert.deepEqual(findingsOf(ws.check(name, rules)), [], name);
    }
  });

  it('clears once one twin gets a fresh id', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    ws.setFile('twin-two.md', ws.text('twin-two.md').replace('pat_01jzrulefixture00000twin01', 'pat_01jzrulefixture00000twin02'));
    assert.deepEqual(findingsOf(ws.check('twin-one.md', rules)), []);
  });
});
