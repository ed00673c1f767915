import { NotificationType, RequestType } from 'vscode-languageserver/node';
import type { BacklinkItem, ContextPreview, SectionOutlineItem } from '../core/languageService';

/**
 * The custom requests between this server and the VS Code client (and any editor that wants them).
 * Method names and shapes are a contract with the client: change them together.
 */
export interface UriParams {
  readonly uri: string;
}

export interface NewPatternParams {
  readonly title: string;
  /** The folder to create the pattern in; default: the workspace folder holding most patterns. */
  readonly folderUri?: string;
}

export interface NewPatternResult {
  readonly uri: string;
  readonly slug: string;
  readonly text: string;
}

export interface LibraryStatus {
  /** Pattern files in the index. */
  readonly patterns: number;
  /** All diagnostics over the library (every severity). */
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface CheckLibraryParams {
  /** Progress token: the server reports WorkDoneProgress begin/report/end on it. */
  readonly workDoneToken?: string | number;
}

export interface CheckLibraryResult extends LibraryStatus {
  /** Pattern files checked. */
  readonly files: number;
}

export interface IndexReadyParams {
  readonly patterns: number;
}

export namespace SectionOutlineRequest {
  export const type = new RequestType<UriParams, SectionOutlineItem[] | null, void>('commonsPatterns/sectionOutline');
}

export namespace ContextPreviewRequest {
  export const type = new RequestType<UriParams, ContextPreview | null, void>('commonsPatterns/contextPreview');
}

export namespace BacklinksRequest {
  export const type = new RequestType<UriParams, BacklinkItem[] | null, void>('commonsPatterns/backlinks');
}

export namespace NewPatternRequest {
  export const type = new RequestType<NewPatternParams, NewPatternResult | null, void>('commonsPatterns/newPattern');
}

export namespace LibraryStatusRequest {
  export const type = new RequestType<Record<string, never>, LibraryStatus, void>('commonsPatterns/libraryStatus');
}

/** The VS Code client's "Check Whole Library" command: libraryStatus with progress. */
export namespace CheckLibraryRequest {
  export const type = new RequestType<CheckLibraryParams, CheckLibraryResult, void>('commonsPatterns/checkLibrary');
}

export namespace IndexReadyNotification {
  export const type = new NotificationType<IndexReadyParams>('commonsPatterns/indexReady');
}
