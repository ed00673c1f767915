import type { FeatureContext } from './features/featureContext';
import type { PatternLanguageService } from './languageService';
import { checkDocument } from './rules/checkDocument';
import { provideCompletion } from './features/completion';
import { provideHover } from './features/hover';
import { provideDefinition } from './features/definition';
import { provideReferences } from './features/references';
import { providePrepareRename, provideRename } from './features/rename';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import { provideFoldingRanges } from './features/foldingRanges';
import { provideDocumentLinks } from './features/documentLinks';
import { provideCodeActions } from './features/codeActions';
import { provideSectionOutline } from './features/sectionOutline';
import { provideContextPreview } from './features/contextPreview';
import { provideBacklinks } from './features/backlinks';

export type { FeatureContext, PatternHost } from './features/featureContext';
export type * from './languageService';

/**
 * The core's one entry point for hosts: a frozen facade that binds every feature to one context.
 * The context's settings are fixed for the facade's life; a host whose settings change builds a
 * new facade (cheap: it only binds functions).
 */
export function createLanguageService(ctx: FeatureContext): PatternLanguageService {
  return Object.freeze<PatternLanguageService>({
    check: (doc) =>
      checkDocument(doc, { index: ctx.index, schema: ctx.schema, validator: ctx.validator, severity: ctx.settings.severity }),
    complete: (doc, position) => provideCompletion(ctx, doc, position),
    hover: (doc, position) => provideHover(ctx, doc, position),
    definition: (doc, position) => provideDefinition(ctx, doc, position),
    references: (doc, position, includeDeclaration) => provideReferences(ctx, doc, position, includeDeclaration),
    prepareRename: (doc, position) => providePrepareRename(ctx, doc, position),
    rename: (doc, position, newName) => provideRename(ctx, doc, position, newName),
    documentSymbols: (doc) => provideDocumentSymbols(ctx, doc),
    workspaceSymbols: (query) => provideWorkspaceSymbols(ctx, query),
    foldingRanges: (doc) => provideFoldingRanges(ctx, doc),
    documentLinks: (doc) => provideDocumentLinks(ctx, doc),
    codeActions: (doc, range, diagnostics) => provideCodeActions(ctx, doc, range, diagnostics),
    sectionOutline: (doc) => provideSectionOutline(ctx, doc),
    contextPreview: (doc) => provideContextPreview(ctx, doc),
    backlinks: (doc) => provideBacklinks(ctx, doc),
  });
}
