import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../../server/src/core/rules/allRules';

/** The codes of the DESIGN table, in its order. */
const DESIGN_ORDER = [
  'yaml-syntax', 'frontmatter-unclosed', 'schema', 'score-out-of-range', 'broken-relationship', 'broken-inferred-link',
  'self-relationship', 'duplicate-relationship', 'overall-score-mismatch', 'slug-filename-mismatch', 'duplicate-slug',
  'duplicate-id', 'missing-section', 'legacy-schema', 'missing-inverse',
];

describe('allRules', () => {
  it('lists each rule once, in the order of the DESIGN table', () => {
    const codes = allRules.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
    const positions = codes.map((code) => DESIGN_ORDER.indexOf(code));
    assert.ok(positions.every((p) => p >= 0), `unknown codes: ${codes.filter((c) => !DESIGN_ORDER.includes(c))}`);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
  });

  it('includes the workspace and body rules, each applying to v7.1 files only', () => {
    for (const code of ['broken-relationship', 'broken-inferred-link', 'self-relationship', 'duplicate-relationship', 'overall-score-mismatch',
      'slug-filename-mismatch', 'duplicate-slug', 'duplicate-id', 'missing-section', 'missing-inverse']) {
      const rule = allRules.find((r) => r.code === code);
      assert.ok(rule, code);
      assert.deepEqual(rule.appliesTo, ['v7.1'], code);
    }
  });
});
