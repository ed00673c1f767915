import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticRule, RuleFinding } from './rule';
import type { RuleLink } from './ruleLinks';

/**
 * `duplicate-relationship`: the same target twice in one relationship list. The first entry is
 * the intended one; every later repeat gets the finding. Two spellings of one pattern (its slug
 * and its `id`) count as the same target.
 */
export const duplicateRelationshipRule: DiagnosticRule = {
  code: 'duplicate-relationship',
  scope: 'workspace',
  description: 'The same target appears twice in one relationship list',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check({ links, index }) {
    if (!mayRepeat(links)) return [];
    const firstByKindAndTarget = new Map<string, RuleLink>();
    const findings: RuleFinding[] = [];
    for (const link of links) {
      if (link.source !== 'relationship') continue;
      const target = index.resolve(link.target)?.uri ?? `unresolved:${link.target}`;
      const key = `${link.kind}\u0000${target}`;
      const first = firstByKindAndTarget.get(key);
      if (!first) {
        firstByKindAndTarget.set(key, link);
        continue;
      }
      const spelling = first.target === link.target ? '' : ` as '${first.target}'`;
      findings.push({
        range: link.range,
        message: `'${link.target}' is already listed in relationships.${link.kind}${spelling} (line ${first.range.start.line + 1}); remove the repeat`,
      });
    }
    return findings;
  },
};

/**
 * Whether a relationship list may name a target twice, decided without the index: two different
 * slugs name two different patterns (a file declares one slug), so without a repeated spelling in a
 * list, only an `id` (`pat_…`) could stand for a pattern listed by its slug too. Most files have neither.
 */
function mayRepeat(links: readonly RuleLink[]): boolean {
  const seen = new Set<string>();
  for (const link of links) {
    if (link.source !== 'relationship') continue;
    if (link.target.startsWith('pat_')) return true;
    const key = `${link.kind}\u0000${link.target}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
