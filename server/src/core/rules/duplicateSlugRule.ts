import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { duplicateDeclarationFindings } from './duplicateDeclarations';
import { declaredSlug } from './patternIdentity';
import type { DiagnosticRule } from './rule';

/** `duplicate-slug`: another pattern file declares the same slug (each of the files gets the error). */
export const duplicateSlugRule: DiagnosticRule = {
  code: 'duplicate-slug',
  scope: 'workspace',
  description: 'Two pattern files declare the same slug',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: ['v7.1'],
  check({ doc, index }) {
    const slug = declaredSlug(doc);
    return slug === undefined ? [] : duplicateDeclarationFindings(doc, 'slug', slug, index.bySlugAll(slug));
  },
};
