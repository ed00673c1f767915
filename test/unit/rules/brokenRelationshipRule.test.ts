import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { brokenRelationshipRule } from '../../../server/src/core/rules/brokenRelationshipRule';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/core/rules/checkDocument';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [brokenRelationshipRule];
const code = 'broken-relationship';

describe('broken-relationship', () => {
  it('reports every relationship target that names no pattern, on the target scalar, with a close slug as a suggestion', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    // Resolving targets in the same file (trust-circle, legacy-circle, the file's own slug) are not reported.
    assertFindingsInEveryEncoding(ws, 'broken-links.md', rules, [
      { code, range: range(34, 12, 34, 29), message: "No pattern with slug 'emotional-safetey' in the workspace; did you mean 'emotional-safety'?" },
      { code, range: range(37, 10, 37, 40), message: "No pattern with id 'pat_01jzrulefixture0000000zz99' in the workspace" },
      { code, range: range(38, 18, 38, 29), message: "No pattern with slug '🌱-garden' in the workspace" },
      { code, range: range(38, 31, 38, 45), message: "No pattern with slug 'trust-circel' in the workspace; did you mean 'trust-circle'?" },
    ]);
  });

  it('is a warning from commons-patterns and carries the suggestion for a quick fix', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    const [first, second] = ws.check('broken-links.md', rules);
    assert.equal(first.severity, DiagnosticSeverity.Warning);
    assert.equal(first.source, DIAGNOSTIC_SOURCE);
    assert.deepEqual(first.data, { suggestion: 'emotional-safety' });
    assert.equal(second.data, undefined);
  });

  it('finds nothing when every target resolves: by slug, by id, as a bare string or to a legacy file', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
  });

  it('follows the index as files are deleted and added', () => {
    const files = readFixtureFolder('links');
    const ws = new InMemoryWorkspace(files);
    ws.deleteFile('trust-circle.md');
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), [
      { code, range: range(30, 12, 30, 24), message: "No pattern with slug 'trust-circle' in the workspace" },
      { code, range: range(33, 6, 33, 18), message: "No pattern with slug 'trust-circle' in the workspace" },
    ]);
    ws.setFile('trust-circle.md', files['trust-circle.md']);
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
  });

  it('leaves a target naming the document itself to self-relationship, even before the index has its new slug', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    const renamed = ws.text('self-links.md').replace('slug: self-links', 'slug: self-renamed').replace('["🌱", self-links]', '[self-renamed]');
    ws.setFile('self-links.md', renamed);
    ws.index.set({ ...ws.index.get(ws.uriOf('self-links.md'))!, slug: 'self-links' });
    assert.deepEqual(findingsOf(ws.check('self-links.md', rules)), []);
  });

  it('checks the target as typed now, not the index entry of the file being edited', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    const edited = ws.text('emotional-safety.md').replace('    - trust-circle\n', '    - trust-circles\n');
    ws.setFile('emotional-safety.md', edited);
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), [
      { code, range: range(33, 6, 33, 19), message: "No pattern with slug 'trust-circles' in the workspace; did you mean 'trust-circle'?" },
    ]);
  });
});
