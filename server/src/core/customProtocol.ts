/**
 * The custom requests between the language server and the VS Code client (or any editor that wants
 * them): method names and the JSON shapes they carry. One definition for both sides; each side
 * wraps the names in its own transport's RequestType. Change them together with the README.
 */
export type { BacklinkItem, ContextPreview, ContextPreviewAudience, SectionOutlineItem } from './languageService';

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
  /** Files checked. */
  readonly files: number;
}

export interface IndexReadyParams {
  readonly patterns: number;
}

/** The method names. Requests answer null when the server does not know the document or it is not a pattern. */
export const CustomMethods = Object.freeze({
  sectionOutline: 'commonsPatterns/sectionOutline',
  contextPreview: 'commonsPatterns/contextPreview',
  backlinks: 'commonsPatterns/backlinks',
  newPattern: 'commonsPatterns/newPattern',
  libraryStatus: 'commonsPatterns/libraryStatus',
  checkLibrary: 'commonsPatterns/checkLibrary',
  indexReady: 'commonsPatterns/indexReady',
} as const);
