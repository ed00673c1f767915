import { fileSlugOf } from '../../workspace/uris';
import { newSlugProblem, slugChangeEdit } from '../rename';
import { slugDeclaration } from '../slugAtPosition';
import { documentEdit } from '../textEdits';
import { quickFixAction, type QuickFix } from './quickFix';

/**
 * `slug-filename-mismatch` → "Change slug to '<file name>'". The links that name the old slug
 * follow it (as a rename would), unless another pattern declares the old slug too: then the links
 * may mean that one, and only this file's slug changes. Not offered when the file name is not a
 * valid slug or is another pattern's slug.
 */
export const changeSlugToFileNameFix: QuickFix = (ctx, doc, diagnostic) => {
  const declaration = slugDeclaration(doc);
  const fileSlug = fileSlugOf(doc.uri);
  if (!declaration || declaration.slug === fileSlug || doc.uri.startsWith('untitled:')) return [];
  if (newSlugProblem(ctx, fileSlug, doc.uri)) return [];
  const shared = ctx.index.bySlugAll(declaration.slug).some((s) => s.uri !== doc.uri);
  const edit = shared
    ? { documentChanges: [documentEdit(ctx.host, doc, [{ range: declaration.textRange, newText: fileSlug }])] }
    : slugChangeEdit(ctx, doc, declaration.slug, fileSlug, { renameFile: false, current: doc });
  return [quickFixAction(`Change slug to '${fileSlug}'`, diagnostic, edit)];
};
