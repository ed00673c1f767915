import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { brokenInferredLinkRule } from '../../../server/src/core/rules/brokenInferredLinkRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [brokenInferredLinkRule];
const code = 'broken-inferred-link';

describe('broken-inferred-link', () => {
  it('reports inferred-link targets that name no pattern, block and flow entries alike, and nothing for relationships', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assertFindingsInEveryEncoding(ws, 'broken-links.md', rules, [
      { code, range: range(47, 51, 47, 65), message: "No pattern with slug 'missing-garden' in the workspace" },
      { code, range: range(48, 14, 48, 27), message: "No pattern with slug 'legacy-circel' in the workspace; did you mean 'legacy-circle'?" },
    ]);
    assert.equal(ws.check('broken-links.md', rules)[0].severity, DiagnosticSeverity.Warning);
  });

  it('finds nothing when every inferred target resolves, including a legacy file', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
  });

  it('reports a target whose file was deleted', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    ws.deleteFile('trust-circle.md');
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), [
      { code, range: range(42, 14, 42, 26), message: "No pattern with slug 'trust-circle' in the workspace" },
    ]);
  });
});
