import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { duplicateDeclarationFindings } from './duplicateDeclarations';
import { declaredId } from './patternIdentity';
import type { DiagnosticRule } from './rule';

/** `duplicate-id`: another pattern file declares the same `id` (each of the files gets the error). */
export const duplicateIdRule: DiagnosticRule = {
  code: 'duplicate-id',
  scope: 'workspace',
  description: 'Two pattern files declare the same id',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: ['v7.1'],
  check({ doc, index }) {
    const id = declaredId(doc);
    return id === undefined ? [] : duplicateDeclarationFindings(doc, 'id', id, index.byIdAll(id));
  },
};
