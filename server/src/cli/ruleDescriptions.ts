import type { RuleCode } from '../core/rules/rule';

/**
 * One line per rule code for SARIF's rule metadata and the help text (from the DESIGN table).
 * Partial so that a rule added to the core does not break the CLI's build; a unit test asserts
 * that every rule in allRules has a description here.
 */
export const RULE_DESCRIPTIONS: Readonly<Partial<Record<RuleCode, string>>> = Object.freeze({
  'yaml-syntax': 'The frontmatter is not valid YAML',
  'frontmatter-unclosed': "The frontmatter opened by '---' is never closed",
  schema: 'The frontmatter violates the pattern schema (wrong type, missing required field, value not in an enum, unknown key)',
  'score-out-of-range': 'A score, weight, relevance or confidence lies outside its range',
  'broken-relationship': 'A relationship target names no pattern in the workspace',
  'broken-inferred-link': 'An inferred link target names no pattern in the workspace',
  'self-relationship': 'A pattern names itself as a relationship target',
  'duplicate-relationship': 'The same target appears twice in one relationship list',
  'overall-score-mismatch': 'overall_score differs by more than 0.05 from the mean of the seven pillars and vitality',
  'slug-filename-mismatch': 'The slug differs from the file name',
  'duplicate-slug': 'Two pattern files declare the same slug',
  'duplicate-id': 'Two pattern files declare the same id',
  'missing-section': 'One of the eight body sections is missing or out of order',
  'legacy-schema': 'A legacy v1 pattern: indexed for links, not checked against the v7.1 format',
  'missing-inverse': 'A generalizes_from/specializes_to relationship has no inverse in the other pattern',
});

export function ruleDescription(code: string): string {
  return (RULE_DESCRIPTIONS as Record<string, string | undefined>)[code] ?? code;
}
