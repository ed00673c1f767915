import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { declaredId, declaredSlug } from './patternIdentity';
import type { DiagnosticRule, RuleFinding } from './rule';

/** The relationship kinds that come in pairs (ADR-0005: A generalizes_from B ⇔ B specializes_to A). */
const INVERSE_KIND: ReadonlyMap<string, string> = new Map([
  ['generalizes_from', 'specializes_to'],
  ['specializes_to', 'generalizes_from'],
]);

/**
 * `missing-inverse`: A `generalizes_from` B but B does not list A in `specializes_to` (and the
 * reverse). Only targets indexed as v7.1 are checked: legacy and unparsed files have no
 * relationship lists in the index. `data` carries what a quick fix needs to add the inverse in B.
 */
export const missingInverseRule: DiagnosticRule = {
  code: 'missing-inverse',
  scope: 'workspace',
  description: 'A generalizes_from/specializes_to relationship has no inverse in the other pattern',
  defaultSeverity: DiagnosticSeverity.Hint,
  appliesTo: ['v7.1'],
  check({ doc, index, links }) {
    const ownSlug = declaredSlug(doc);
    if (ownSlug === undefined) return [];
    const ownId = declaredId(doc);
    const findings: RuleFinding[] = [];
    for (const link of links) {
      const inverseKind = link.source === 'relationship' ? INVERSE_KIND.get(link.kind) : undefined;
      if (inverseKind === undefined) continue;
      const target = index.resolve(link.target);
      if (!target || target.uri === doc.uri || target.slug === ownSlug || target.unparsed || target.format !== 'v7.1') continue;
      const listsInverse = target.links.some((back) =>
        back.source === 'relationship' && back.kind === inverseKind && (back.target === ownSlug || (ownId !== undefined && back.target === ownId)));
      if (listsInverse) continue;
      findings.push({
        range: link.range,
        message: `'${target.slug}' does not list '${ownSlug}' in relationships.${inverseKind} (the inverse of ${link.kind})`,
        data: { targetUri: target.uri, inverseKind, slug: ownSlug },
      });
    }
    return findings;
  },
};
