import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { yamlSyntaxRule } from '../../../server/src/core/rules/yamlSyntaxRule';
import { frontmatterUnclosedRule } from '../../../server/src/core/rules/frontmatterUnclosedRule';
import { brokenRelationshipRule } from '../../../server/src/core/rules/brokenRelationshipRule';
import { brokenInferredLinkRule } from '../../../server/src/core/rules/brokenInferredLinkRule';
import { selfRelationshipRule } from '../../../server/src/core/rules/selfRelationshipRule';
import { duplicateRelationshipRule } from '../../../server/src/core/rules/duplicateRelationshipRule';
import { overallScoreMismatchRule } from '../../../server/src/core/rules/overallScoreMismatchRule';
import { slugFilenameMismatchRule } from '../../../server/src/core/rules/slugFilenameMismatchRule';
import { duplicateSlugRule } from '../../../server/src/core/rules/duplicateSlugRule';
import { duplicateIdRule } from '../../../server/src/core/rules/duplicateIdRule';
import { missingSectionRule } from '../../../server/src/core/rules/missingSectionRule';
import { legacySchemaRule } from '../../../server/src/core/rules/legacySchemaRule';
import { missingInverseRule } from '../../../server/src/core/rules/missingInverseRule';
import { InMemoryWorkspace, findingsOf, range, readFixtureFolder, type Finding } from '../helpers/ruleWorkspace';

/** Every rule except the schema-driven ones, which have their own tests. */
const rules = [
  yamlSyntaxRule, frontmatterUnclosedRule, brokenRelationshipRule, brokenInferredLinkRule, selfRelationshipRule,
  duplicateRelationshipRule, overallScoreMismatchRule, slugFilenameMismatchRule, duplicateSlugRule, duplicateIdRule,
  missingSectionRule, legacySchemaRule, missingInverseRule,
];

type Broken = readonly [code: 'broken-relationship' | 'broken-inferred-link', line: number, start: number, target: string];

/** Broken-link findings from a table of (code, line, start character, target); the target text ends the range. */
function brokenFindings(table: readonly Broken[]): Finding[] {
  return table.map(([code, line, start, target]) => ({
    code,
    range: range(line, start, line, start + target.length),
    message: `No pattern with slug '${target}' in the workspace`,
  }));
}

describe('the reference example in a workspace with two of its targets', () => {
  const ws = new InMemoryWorkspace(readFixtureFolder('reference'));

  it('gets only broken links for the targets absent from the workspace and the missing-inverse hint', () => {
    const expected: Finding[] = [
      {
        code: 'missing-inverse',
        range: range(65, 12, 65, 34),
        message: "'active-listening-depth' does not list 'therapeutic-relationship-building' in relationships.specializes_to (the inverse of generalizes_from)",
      },
      ...brokenFindings([
        ['broken-relationship', 67, 12, 'acceptance-and-commitment'],
        ['broken-relationship', 73, 12, 'addiction-as-coping-mechanism'],
        ['broken-relationship', 75, 12, 'adolescent-transition-support'],
        ['broken-relationship', 82, 12, 'accountability-partnership'],
        ['broken-relationship', 84, 12, 'adaptive-facilitation'],
        ['broken-relationship', 86, 12, 'abundance-vs-scarcity-mindset'],
        ['broken-relationship', 91, 12, 'active-imagination-technique'],
        ['broken-inferred-link', 165, 14, 'acceptance-and-commitment'],
        ['broken-inferred-link', 169, 14, 'accountability-partnership'],
        ['broken-inferred-link', 173, 14, 'vulnerability'],
        ['broken-inferred-link', 177, 14, 'addiction-as-coping-mechanism'],
        ['broken-inferred-link', 181, 14, 'achievement-celebration'],
        ['broken-inferred-link', 185, 14, 'adolescent-transition-support'],
        ['broken-inferred-link', 189, 14, 'adaptive-facilitation'],
        ['broken-inferred-link', 197, 14, 'abundance-vs-scarcity-mindset'],
        ['broken-inferred-link', 201, 14, 'absurdism-and-joy'],
        ['broken-inferred-link', 205, 14, 'adversarial-growth'],
      ]),
    ];
    assert.deepEqual(findingsOf(ws.check('therapeutic-relationship-building.md', rules)), expected);
  });

  it('resolves the targets that are present: active-listening-depth (three lists, one inferred link) and emotional-safety', () => {
    const targets = findingsOf(ws.check('therapeutic-relationship-building.md', [brokenRelationshipRule, brokenInferredLinkRule])).map((f) => f.message);
    assert.ok(targets.every((m) => !m.includes("'active-listening-depth'") && !m.includes("'emotional-safety'")), targets.join('\n'));
  });

  it('gets broken links only, for the other copied pattern, and nothing for the stand-in', () => {
    assert.deepEqual(findingsOf(ws.check('active-listening-depth.md', rules)), brokenFindings([
      ['broken-relationship', 66, 12, 'adaptive-facilitation'],
      ['broken-relationship', 68, 12, 'accountability-partnership'],
      ['broken-relationship', 70, 12, 'adolescent-transition-support'],
      ['broken-relationship', 72, 12, 'adversarial-growth'],
      ['broken-relationship', 77, 12, 'acceptance-and-commitment'],
      ['broken-relationship', 79, 12, 'acquaintance-layer'],
      ['broken-relationship', 81, 12, 'aesthetic-sensitivity-development'],
      ['broken-inferred-link', 140, 14, 'accountability-partnership'],
      ['broken-inferred-link', 144, 14, 'adaptive-facilitation'],
      ['broken-inferred-link', 148, 14, 'acceptance-and-commitment'],
      ['broken-inferred-link', 152, 14, 'adversarial-growth'],
      ['broken-inferred-link', 156, 14, 'acquaintance-layer'],
      ['broken-inferred-link', 160, 14, 'addiction-as-coping-mechanism'],
      ['broken-inferred-link', 164, 14, 'adolescent-transition-support'],
      ['broken-inferred-link', 168, 14, 'aesthetic-sensitivity-development'],
      ['broken-inferred-link', 172, 14, 'adaptive-action-in-complex-systems'],
      ['broken-inferred-link', 176, 14, 'advocacy-without-mandate'],
    ]));
    assert.deepEqual(findingsOf(ws.check('emotional-safety.md', rules)), []);
  });

  it('loses the hint once active-listening-depth lists the reference example in specializes_to', () => {
    const local = new InMemoryWorkspace(readFixtureFolder('reference'));
    const fixed = local.text('active-listening-depth.md').replace('  specializes_to: []\n', '  specializes_to:\n    - slug: therapeutic-relationship-building\n      weight: 0.85\n');
    local.setFile('active-listening-depth.md', fixed);
    assert.deepEqual(findingsOf(local.check('therapeutic-relationship-building.md', [missingInverseRule])), []);
  });
});
