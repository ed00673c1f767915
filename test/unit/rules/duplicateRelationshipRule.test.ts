import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { duplicateRelationshipRule } from '../../../server/src/core/rules/duplicateRelationshipRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder } from '../helpers/ruleWorkspace';
import { assertFindingsInEveryEncoding } from '../helpers/assertFindings';

const rules = [duplicateRelationshipRule];
const code = 'duplicate-relationship';

describe('duplicate-relationship', () => {
  it('reports the second and later repeats within one list, a slug and its id as the same target, and not repeats across lists', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assertFindingsInEveryEncoding(ws, 'duplicate-links.md', rules, [
      { code, range: range(39, 38, 39, 50), message: "'trust-circle' is already listed in relationships.complementary (line 40); remove the repeat" },
      { code, range: range(39, 52, 39, 56), message: "'🌱' is already listed in relationships.complementary (line 40); remove the repeat" },
      { code, range: range(39, 58, 39, 70), message: "'trust-circle' is already listed in relationships.complementary (line 40); remove the repeat" },
      { code, range: range(42, 10, 42, 40), message: "'pat_01jzrulefixture0000000es01' is already listed in relationships.tools as 'emotional-safety' (line 42); remove the repeat" },
    ]);
  });

  it('finds nothing when each list names a target once (the same target in two lists is fine)', () => {
    const ws = new InMemoryWorkspace(readFixtureFolder('links'));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
    assert.deepEqual(findingsOf(ws.check('trust-circle.md', rules)), []);
  });
});
