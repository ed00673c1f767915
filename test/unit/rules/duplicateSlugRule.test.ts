import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { duplicateSlugRule } from '../../../server/src/core/rules/duplicateSlugRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [duplicateSlugRule];
const code = 'duplicate-slug';

describe('duplicate-slug', () => {
  it('gives every file declaring a shared slug an error naming the other files (with their folder where the name is ambiguous)', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    assertFindingsInEveryEncoding(ws, 'a/common-ground.md', rules, [
      { code, range: range(2, 6, 2, 19), message: "slug 'common-ground' is also declared by b/common-ground.md and common-ground-copy.md; each pattern needs its own slug" },
    ]);
    assert.deepEqual(findingsOf(ws.check('b/common-ground.md', rules)), [
      { code, range: range(2, 6, 2, 19), message: "slug 'common-ground' is also declared by a/common-ground.md and common-ground-copy.md; each pattern needs its own slug" },
    ]);
    assert.deepEqual(findingsOf(ws.check('common-ground-copy.md', rules)), [
      { code, range: range(2, 6, 2, 19), message: "slug 'common-ground' is also declared by a/common-ground.md and b/common-ground.md; each pattern needs its own slug" },
    ]);
    assert.equal(ws.check('a/common-ground.md', rules)[0].severity, DiagnosticSeverity.Error);
  });

  it('finds nothing for a unique slug, even when an unparsable file has the same file name', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    assert.equal(ws.index.bySlugAll('solo-pattern').length, 2, 'the unparsable b/solo-pattern.md is indexed under its file name');
    assert.deepEqual(findingsOf(ws.check('solo-pattern.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('twin-one.md', rules)), []);
  });

  it('clears when the other files are renamed or deleted', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('identity'));
    ws.setFile('common-ground-copy.md', ws.text('common-ground-copy.md').replace('slug: common-ground', 'slug: common-ground-copy'));
    ws.deleteFile('b/common-ground.md');
    assert.deepEqual(findingsOf(ws.check('a/common-ground.md', rules)), []);
  });
});
