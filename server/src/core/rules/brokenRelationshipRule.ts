import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { brokenLinkFindings } from './brokenLinks';
import type { DiagnosticRule } from './rule';

/** `broken-relationship`: a `relationships.<kind>[]` target names no pattern in the workspace. */
export const brokenRelationshipRule: DiagnosticRule = {
  code: 'broken-relationship',
  scope: 'workspace',
  description: 'A relationship target names no pattern in the workspace',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check(ctx) {
    return brokenLinkFindings(ctx, 'relationship');
  },
};
