import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { allRules } from '../../../server/src/core/rules/allRules';
import { legacySchemaRule } from '../../../server/src/core/rules/legacySchemaRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const code = 'legacy-schema';
const message = "Legacy v1 pattern ('classification' without 'ontology'): indexed for links, not checked against the v7.1 format";

describe('legacy-schema', () => {
  it('reports a v1 file once, on its classification key, as information', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('legacy'));
    assertFindingsInEveryEncoding(ws, 'legacy-mismatch.md', [legacySchemaRule], [{ code, range: range(5, 0, 5, 14), message }]);
    assert.equal(ws.check('legacy-mismatch.md', [legacySchemaRule])[0].severity, DiagnosticSeverity.Information);
  });

  it('is all a v1 file gets from every rule, though it breaks most v7.1 rules', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('legacy'));
    assert.deepEqual(findingsOf(ws.check('legacy-mismatch.md', allRules)), [{ code, range: range(5, 0, 5, 14), message }]);
    assert.deepEqual(findingsOf(ws.check('legacy-peer.md', allRules)), [{ code, range: range(4, 0, 4, 14), message }]);
  });

  it('keeps the v1 file in the index, so a v7.1 file sharing its slug still sees the duplicate', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('legacy'));
    assert.deepEqual(findingsOf(ws.check('other-name.md', allRules)), [
      { code: 'duplicate-slug', range: range(2, 6, 2, 16), message: "slug 'other-name' is also declared by legacy-mismatch.md; each pattern needs its own slug" },
    ]);
  });

  it('finds nothing in a v7.1 file, nor in a file with both classification and ontology', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', [legacySchemaRule])), []);
    const both = ws.text('emotional-safety.md').replace('ontology:\n', 'classification:\n  domain: startup\nontology:\n');
    ws.setFile('emotional-safety.md', both);
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', [legacySchemaRule])), []);
  });
});
