import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../../server/src/core/rules/allRules';
import { RULE_DESCRIPTIONS } from '../../../server/src/cli/ruleDescriptions';

test('every rule of the core has a one-line description for SARIF', () => {
  for (const rule of allRules) {
    const description = RULE_DESCRIPTIONS[rule.code];
    assert.ok(description && description.length > 10 && !description.includes('\n'), `no description for ${rule.code}`);
  }
});
