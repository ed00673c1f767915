import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { selfRelationshipRule } from '../../../server/src/core/rules/selfRelationshipRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [selfRelationshipRule];
const code = 'self-relationship';

describe('self-relationship', () => {
  it('reports a relationship naming the pattern itself by slug or by id, but not an inferred link', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assertFindingsInEveryEncoding(ws, 'self-links.md', rules, [
      { code, range: range(30, 18, 30, 28), message: "The pattern names itself ('self-links') in relationships.enables; a relationship must point to another pattern" },
      { code, range: range(35, 10, 35, 40), message: "The pattern names itself ('pat_01jzrulefixture0000000sl01') in relationships.alternatives; a relationship must point to another pattern" },
    ]);
  });

  it('uses the slug as typed, before the index knows it', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    const doc = ws.document('broken-links.md');
    // Only the document changes; the index still has the old slug, the rule reads the new one.
    const renamed = doc.text.replace('slug: broken-links', 'slug: trust-circle');
    ws.setFile('broken-links.md', renamed);
    ws.index.set({ ...ws.index.get(ws.uriOf('broken-links.md'))!, slug: 'broken-links' });
    assert.deepEqual(findingsOf(ws.check('broken-links.md', rules)), [
      { code, range: range(31, 12, 31, 24), message: "The pattern names itself ('trust-circle') in relationships.enables; a relationship must point to another pattern" },
    ]);
  });

  it('finds nothing in patterns that only name others', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
  });
});
