/**
 * The context preview's webview options, as a pure function (no `vscode` import, so a plain Node
 * test checks them). The URI type is a parameter: VS Code passes its `Uri` and `Uri.joinPath`.
 *
 * What the page may do, and why:
 * - scripts: only client/media/preview.js, which the page's Content-Security-Policy admits by nonce
 *   (see renderPreviewHtml.ts); pattern text is escaped and can add no script;
 * - local resources: only the extension's client/media folder, never the workspace (a pattern
 *   library is untrusted content);
 * - command URIs and forms: off; the page talks to the extension only through postMessage.
 */
export interface PreviewPanelOptions<U> {
  readonly enableScripts: true;
  readonly enableForms: false;
  readonly enableCommandUris: false;
  readonly localResourceRoots: readonly U[];
  readonly enableFindWidget: true;
  readonly retainContextWhenHidden: false;
}

/** The folder of the extension the preview loads its script, style and icon from. */
export const PREVIEW_MEDIA_FOLDER: readonly string[] = ['client', 'media'];

export function previewMediaRoot<U>(extensionUri: U, joinPath: (base: U, ...segments: string[]) => U): U {
  return joinPath(extensionUri, ...PREVIEW_MEDIA_FOLDER);
}

export function previewPanelOptions<U>(extensionUri: U, joinPath: (base: U, ...segments: string[]) => U): PreviewPanelOptions<U> {
  return Object.freeze({
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: Object.freeze([previewMediaRoot(extensionUri, joinPath)]),
    enableFindWidget: true,
    // Rebuilt from the server's answer when shown again; the page keeps its scroll position itself.
    retainContextWhenHidden: false,
  });
}
