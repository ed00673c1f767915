import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { slugFilenameMismatchRule } from '../../../server/src/core/rules/slugFilenameMismatchRule';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { InMemoryWorkspace, findingsOf, noViolationsValidator, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [slugFilenameMismatchRule];
const code = 'slug-filename-mismatch';

describe('slug-filename-mismatch', () => {
  it('reports a slug that differs from the file name, on the (quoted) slug value', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    assertFindingsInEveryEncoding(ws, 'renamed-file.md', rules, [
      { code, range: range(3, 6, 3, 21), message: "slug 'original-name' does not match the file name 'renamed-file.md'; expected 'renamed-file'" },
    ]);
    assert.equal(ws.check('renamed-file.md', rules)[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(findingsOf(ws.check('common-ground-copy.md', rules)), [
      { code, range: range(2, 6, 2, 19), message: "slug 'common-ground' does not match the file name 'common-ground-copy.md'; expected 'common-ground-copy'" },
    ]);
  });

  it('finds nothing when the slug is the file name, in any folder', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    for (const name of ['solo-pattern.md', 'a/common-ground.md', 'b/common-ground.md', 'twin-one.md']) {
      assert.deepEqual(findingsOf(ws.check(name, rules)), [], name);
    }
  });

  it('leaves an unsaved editor buffer alone: it has no file name yet', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    const doc = parsePatternDocument('untitled:Untitled-1', ws.text('solo-pattern.md'));
    assert.deepEqual(checkDocument(doc, { index: ws.index, schema: ws.schema, validator: noViolationsValidator, rules }), []);
  });
});
