import { allRules } from '../core/rules/allRules';

/** The rules' one-line descriptions (kept with each rule), by code: SARIF's rule metadata and the help text. */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(allRules.map((rule) => [rule.code, rule.description])),
);

export function ruleDescription(code: string): string {
  return RULE_DESCRIPTIONS[code] ?? code;
}
