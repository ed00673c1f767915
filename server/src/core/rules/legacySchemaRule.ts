import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeRange } from '../document/patternDocument';
import { keyNodeAt } from '../document/documentNodes';
import type { DiagnosticRule } from './rule';

/** `legacy-schema`: a v1 file (`classification`, no `ontology`): indexed, not checked against v7.1. */
export const legacySchemaRule: DiagnosticRule = {
  code: 'legacy-schema',
  scope: 'document',
  description: 'A legacy v1 pattern: indexed for links, not checked against the v7.1 format',
  defaultSeverity: DiagnosticSeverity.Information,
  appliesTo: ['v1'],
  check({ doc }) {
    return [{
      range: nodeRange(doc, keyNodeAt(doc, ['classification'])),
      message: "Legacy v1 pattern ('classification' without 'ontology'): indexed for links, not checked against the v7.1 format",
    }];
  },
};
