/**
 * The custom requests between this extension and the Commons Patterns language server, and the
 * JSON shapes they carry. The shapes mirror server/src/core/languageService.ts (the server's
 * facade returns exactly these objects); they are restated here because the client is a separate
 * build that must not pull the server's core into its bundle. test/unit/client checks that the
 * core's types stay assignable to these.
 */
import { NotificationType, RequestType, type Range } from 'vscode-languageclient';

export interface UriParams {
  readonly uri: string;
}

export interface SectionOutlineItem {
  readonly kind: 'group' | 'section';
  readonly label: string;
  readonly number: number;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly present: boolean;
  readonly wordCount?: number;
  readonly minWords?: number;
  readonly maxWords?: number;
  readonly warning?: string;
  readonly children?: readonly SectionOutlineItem[];
}

export interface ContextPreviewAudience {
  readonly audience: string;
  readonly label: string | undefined;
  readonly range: Range | undefined;
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

export interface BacklinkItem {
  readonly uri: string;
  readonly slug: string;
  readonly title: string | undefined;
  readonly kind: string;
  readonly source: 'relationship' | 'inferred';
  readonly range: Range;
}

export interface NewPatternParams {
  readonly title: string;
  /** The folder to create the file in; without it the server picks the folder holding most patterns. */
  readonly folderUri?: string;
}

export interface NewPatternResult {
  readonly uri: string;
  readonly slug: string;
  readonly text: string;
}

export interface LibraryStatus {
  readonly patterns: number;
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface CheckLibraryParams {
  /** Progress token: the server reports WorkDoneProgress begin/report/end on it. */
  readonly workDoneToken?: string;
}

export interface CheckLibraryResult extends LibraryStatus {
  /** Files checked (pattern files and other Markdown files in the pattern folders). */
  readonly files: number;
}

export interface IndexReadyParams {
  readonly patterns: number;
}

/** Null when the server does not know the document or it is not a pattern file. */
export const SectionOutlineRequest = new RequestType<UriParams, SectionOutlineItem[] | null, void>('commonsPatterns/sectionOutline');
export const ContextPreviewRequest = new RequestType<UriParams, ContextPreview | null, void>('commonsPatterns/contextPreview');
export const BacklinksRequest = new RequestType<UriParams, BacklinkItem[] | null, void>('commonsPatterns/backlinks');
export const NewPatternRequest = new RequestType<NewPatternParams, NewPatternResult | null, void>('commonsPatterns/newPattern');
export const LibraryStatusRequest = new RequestType<Record<string, never>, LibraryStatus, void>('commonsPatterns/libraryStatus');
export const CheckLibraryRequest = new RequestType<CheckLibraryParams, CheckLibraryResult, void>('commonsPatterns/checkLibrary');
export const IndexReadyNotification = new NotificationType<IndexReadyParams>('commonsPatterns/indexReady');
