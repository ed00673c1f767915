import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeRange } from '../document/patternDocument';
import { declaredSlug, topLevelValueNode } from './patternIdentity';
import type { DiagnosticRule } from './rule';

/**
 * `slug-filename-mismatch`: `slug` differs from the file name without `.md` (ADR-0001: slug-only
 * file names). Unsaved editor buffers (`untitled:`) have no file name yet and are not checked.
 */
export const slugFilenameMismatchRule: DiagnosticRule = {
  code: 'slug-filename-mismatch',
  scope: 'document',
  description: 'The slug differs from the file name',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check({ doc, fileSlug }) {
    const slug = declaredSlug(doc);
    if (slug === undefined || slug === fileSlug || doc.uri.startsWith('untitled:')) return [];
    return [{
      range: nodeRange(doc, topLevelValueNode(doc, 'slug')),
      message: `slug '${slug}' does not match the file name '${fileSlug}.md'; expected '${fileSlug}'`,
    }];
  },
};
