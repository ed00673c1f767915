import { URI, Utils } from 'vscode-uri';
import { fileSlugOf } from '../../workspace/uris';
import { SLUG_PATTERN } from '../newPattern';
import { slugDeclaration } from '../slugAtPosition';
import { quickFixAction, type QuickFix } from './quickFix';

/**
 * `slug-filename-mismatch` → "Rename file to '<slug>.md'" in the same folder. Links name the slug,
 * so none changes. Not offered for an invalid slug or when a file of that name exists.
 */
export const renameFileToSlugFix: QuickFix = (ctx, doc, diagnostic) => {
  const slug = slugDeclaration(doc)?.slug;
  if (slug === undefined || !SLUG_PATTERN.test(slug) || slug === fileSlugOf(doc.uri) || doc.uri.startsWith('untitled:')) return [];
  const uri = URI.parse(doc.uri);
  const newUri = Utils.joinPath(Utils.dirname(uri), `${slug}.md`).toString();
  if (ctx.host.exists(newUri)) return [];
  return [quickFixAction(`Rename file to '${slug}.md'`, diagnostic, { documentChanges: [{ kind: 'rename', oldUri: doc.uri, newUri }] })];
};
