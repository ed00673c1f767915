import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { isRecord } from '../../document/formatVersion';
import { newPatternText, SLUG_PATTERN, titleFromSlug } from '../newPattern';
import { linkAtDiagnostic, quickFixAction, type QuickFix } from './quickFix';

/**
 * Broken target → "Create pattern '<slug>'": a new file `<slug>.md` from the v7.1 template, in the
 * folder of the file that links to it, titled after the slug and in the same domain as that file
 * (related patterns usually share one). Offered only when the target is a valid slug (else the new
 * file could not be named by it) and no file of that name exists.
 */
export const createPatternFix: QuickFix = (ctx, doc, diagnostic) => {
  const link = linkAtDiagnostic(doc, diagnostic);
  if (!link || !SLUG_PATTERN.test(link.target) || ctx.index.resolve(link.target)) return [];
  const from = URI.parse(doc.uri);
  if (from.scheme === 'untitled') return [];
  const uri = Utils.joinPath(Utils.dirname(from), `${link.target}.md`).toString();
  if (ctx.host.exists(uri)) return [];
  const { text } = newPatternText(ctx.schema, titleFromSlug(link.target), link.target, { domain: domainOf(doc.data) });
  const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } };
  const fill: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] };
  return [quickFixAction(`Create pattern '${link.target}'`, diagnostic, { documentChanges: [create, fill] })];
};

function domainOf(data: unknown): string | undefined {
  const ontology = isRecord(data) ? data.ontology : undefined;
  return isRecord(ontology) && typeof ontology.domain === 'string' && ontology.domain.trim() !== '' ? ontology.domain : undefined;
}
