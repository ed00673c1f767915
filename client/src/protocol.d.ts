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
    readonly implementation: {
        readonly text: string;
        readonly range: Range;
    } | undefined;
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
export declare const SectionOutlineRequest: RequestType<UriParams, SectionOutlineItem[] | null, void>;
export declare const ContextPreviewRequest: RequestType<UriParams, ContextPreview | null, void>;
export declare const BacklinksRequest: RequestType<UriParams, BacklinkItem[] | null, void>;
export declare const NewPatternRequest: RequestType<NewPatternParams, NewPatternResult, void>;
export declare const LibraryStatusRequest: RequestType<Record<string, never>, LibraryStatus, void>;
export declare const CheckLibraryRequest: RequestType<CheckLibraryParams, CheckLibraryResult, void>;
export declare const IndexReadyNotification: NotificationType<IndexReadyParams>;
