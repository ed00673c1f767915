/**
 * The context preview's HTML, as a pure function of the server's ContextPreview (no `vscode`
 * import, so it is tested in plain Node). Every piece of pattern text is escaped before the few
 * inline Markdown marks (**bold**, *italic*, `code`) are turned into tags, so pattern text can
 * never add markup; the Content-Security-Policy allows no remote content and only the nonce'd script.
 */
import type { ContextPreview } from '../protocol';
export interface PreviewResources {
    /** The webview's `cspSource` (VS Code's origin for local resources). */
    readonly cspSource: string;
    /** A fresh random nonce per render: only the script carrying it may run. */
    readonly nonce: string;
    /** Webview URIs of client/media/preview.js and preview.css. */
    readonly scriptUri: string;
    readonly styleUri: string;
}
/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export declare function escapeHtml(text: string): string;
/** Escapes, then renders inline `code`, **bold** and *italic* (the marks pattern sentences use). */
export declare function renderInline(text: string): string;
/** The whole preview document. `preview` undefined: the followed file is not a pattern (or none is open). */
export declare function renderPreviewHtml(preview: ContextPreview | undefined, resources: PreviewResources, emptyMessage?: string): string;
