import { URI, Utils } from 'vscode-uri';

/** The file name of a URI without `.md`: what `slug` should equal. */
export function fileSlugOf(uri: string): string {
  return Utils.basename(URI.parse(uri)).replace(/\.md$/i, '');
}

export function pathToUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}
