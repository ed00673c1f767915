import { URI, Utils } from 'vscode-uri';

/** The file name of a URI without `.md`: what `slug` should equal. */
export function fileSlugOf(uri: string): string {
  // Every rule run asks (~10 µs to parse a URI): a last segment with nothing to decode is the name as it is.
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const plain = name !== '' && !/[%?#]/.test(name) && /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
  return (plain ? name : Utils.basename(URI.parse(uri))).replace(/\.md$/i, '');
}

export function pathToUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}
