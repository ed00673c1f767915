import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { missingInverseRule } from '../../../server/src/core/rules/missingInverseRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [missingInverseRule];
const code = 'missing-inverse';

describe('missing-inverse', () => {
  it('hints at generalizes_from and specializes_to targets that do not list the pattern back (legacy and unknown targets are skipped)', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assertFindingsInEveryEncoding(ws, 'one-sided.md', rules, [
      { code, range: range(28, 27, 28, 43), message: "'emotional-safety' does not list 'one-sided' in relationships.specializes_to (the inverse of generalizes_from)" },
      { code, range: range(30, 12, 30, 24), message: "'trust-circle' does not list 'one-sided' in relationships.generalizes_from (the inverse of specializes_to)" },
    ]);
  });

  it('is a hint carrying the target file, the inverse kind and the slug to add', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    const [first, second] = ws.check('one-sided.md', rules);
    assert.equal(first.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(first.data, { targetUri: ws.uriOf('emotional-safety.md'), inverseKind: 'specializes_to', slug: 'one-sided' });
    assert.deepEqual(second.data, { targetUri: ws.uriOf('trust-circle.md'), inverseKind: 'generalizes_from', slug: 'one-sided' });
  });

  it('finds nothing when both sides agree, whether the inverse names the slug or the id', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
    const byId = ws.text('emotional-safety.md').replace('    - slug: trust-circle\n      weight: 0.8\n  enables:', '    - id: pat_01jzrulefixture0000000tc01\n  enables:');
    assert.notEqual(byId, ws.text('emotional-safety.md'));
    ws.setFile('emotional-safety.md', byId);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
  });

  it('appears once the other side drops the inverse', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    ws.setFile('emotional-safety.md', ws.text('emotional-safety.md').replace('  specializes_to:\n    - slug: trust-circle\n      weight: 0.8\n', '  specializes_to: []\n'));
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), [
      { code, range: range(29, 12, 29, 28), message: "'emotional-safety' does not list 'trust-circle' in relationships.specializes_to (the inverse of generalizes_from)" },
    ]);
  });
});
