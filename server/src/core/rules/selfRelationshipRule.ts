import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { declaredId, declaredSlug } from './patternIdentity';
import type { DiagnosticRule, RuleFinding } from './rule';

/** `self-relationship`: a relationship target is the document's own slug (or its own `id`). */
export const selfRelationshipRule: DiagnosticRule = {
  code: 'self-relationship',
  scope: 'document',
  description: 'A pattern names itself as a relationship target',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check({ doc, links }) {
    const ownSlug = declaredSlug(doc);
    const ownId = declaredId(doc);
    const findings: RuleFinding[] = [];
    for (const link of links) {
      if (link.source !== 'relationship') continue;
      if (link.target !== ownSlug && (ownId === undefined || link.target !== ownId)) continue;
      findings.push({
        range: link.range,
        message: `The pattern names itself ('${link.target}') in relationships.${link.kind}; a relationship must point to another pattern`,
      });
    }
    return findings;
  },
};
