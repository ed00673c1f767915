import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { brokenLinkFindings } from './brokenLinks';
import type { DiagnosticRule } from './rule';

/** `broken-inferred-link`: a `graph_garden.inferred_links[].target` names no pattern in the workspace. */
export const brokenInferredLinkRule: DiagnosticRule = {
  code: 'broken-inferred-link',
  scope: 'workspace',
  description: 'An inferred link target names no pattern in the workspace',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check(ctx) {
    return brokenLinkFindings(ctx, 'inferred');
  },
};
