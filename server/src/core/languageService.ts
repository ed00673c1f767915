import type {
  CodeAction, CompletionList, Definition, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover,
  Location, Position, Range, SymbolInformation, WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { PatternDocument } from './document/patternDocument';

/** Per-section data for the outline view: word count against the spec's recommended range. */
export interface SectionOutlineItem {
  readonly kind: 'group' | 'section';
  readonly label: string;
  /** For sections: the section number; for groups: the group number. */
  readonly number: number;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly present: boolean;
  readonly wordCount?: number;
  readonly minWords?: number;
  readonly maxWords?: number;
  /** Why this item deserves a warning icon (missing, too short, too long, out of order). */
  readonly warning?: string;
  readonly children?: readonly SectionOutlineItem[];
}

/** One audience of the context preview. */
export interface ContextPreviewAudience {
  readonly audience: string;
  readonly label: string | undefined;
  /** Range of the label value (click to reveal). */
  readonly range: Range | undefined;
  /** The "**For <audience>:**" paragraph of Section 4, when the body has one. */
  readonly implementation: { readonly text: string; readonly range: Range } | undefined;
}

export interface ContextPreview {
  readonly uri: string;
  readonly version: number;
  readonly title: string | undefined;
  readonly summary: string | undefined;
  readonly coreConflict: string | undefined;
  readonly solution: string | undefined;
  readonly audiences: readonly ContextPreviewAudience[];
}

export interface RenameResult {
  readonly edit?: WorkspaceEdit;
  readonly error?: string;
}

export interface PrepareRenameResult {
  readonly range?: Range;
  readonly placeholder?: string;
  readonly error?: string;
}

/** A backlink as the "Linked From" view shows it. */
export interface BacklinkItem {
  readonly uri: string;
  readonly slug: string;
  readonly title: string | undefined;
  readonly kind: string;
  readonly source: 'relationship' | 'inferred';
  readonly range: Range;
}

/**
 * The frozen facade over the features, one provider file each (features/). Hosts (the LSP server,
 * the CLI, tests) call only this.
 */
export interface PatternLanguageService {
  check(doc: PatternDocument): Diagnostic[];
  complete(doc: PatternDocument, position: Position): CompletionList;
  hover(doc: PatternDocument, position: Position): Hover | undefined;
  definition(doc: PatternDocument, position: Position): Definition | undefined;
  references(doc: PatternDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(doc: PatternDocument, position: Position): PrepareRenameResult | undefined;
  rename(doc: PatternDocument, position: Position, newName: string): RenameResult;
  documentSymbols(doc: PatternDocument): DocumentSymbol[];
  workspaceSymbols(query: string): SymbolInformation[];
  foldingRanges(doc: PatternDocument): FoldingRange[];
  documentLinks(doc: PatternDocument): DocumentLink[];
  codeActions(doc: PatternDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  sectionOutline(doc: PatternDocument): SectionOutlineItem[];
  contextPreview(doc: PatternDocument): ContextPreview;
  backlinks(doc: PatternDocument): BacklinkItem[];
}
