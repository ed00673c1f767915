import * as path from 'path';
import { URI } from 'vscode-uri';
import { createPathFilter } from '../core/workspace/fileDiscovery';
import type { PatternFileFilter } from '../core/workspace/fileDiscovery';

/** One workspace folder whose pattern files the server indexes. */
export interface PatternFolder {
  readonly uri: string;
  readonly path: string;
}

/**
 * The workspace folders (multi-root) and the include/exclude filter: which file URIs are pattern
 * files of this workspace.
 */
export class PatternFolders {
  private folders: PatternFolder[] = [];
  private accept: (relativePath: string) => boolean;

  constructor(filter: PatternFileFilter) {
    this.accept = createPathFilter(filter);
  }

  setFilter(filter: PatternFileFilter): void {
    this.accept = createPathFilter(filter);
  }

  add(uri: string): PatternFolder | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const folder = { uri: parsed.toString(), path: parsed.fsPath };
    if (!this.folders.some((f) => f.path === folder.path)) this.folders.push(folder);
    return folder;
  }

  remove(uri: string): PatternFolder | undefined {
    const fsPath = URI.parse(uri).fsPath;
    const found = this.folders.find((f) => f.path === fsPath);
    this.folders = this.folders.filter((f) => f !== found);
    return found;
  }

  all(): readonly PatternFolder[] {
    return this.folders;
  }

  /** The innermost workspace folder holding a path (nested folders: the deepest wins). */
  folderOf(fsPath: string): PatternFolder | undefined {
    let best: PatternFolder | undefined;
    for (const folder of this.folders) {
      if (isInside(folder.path, fsPath) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** Whether a file path passes the include/exclude globs of the folder holding it. */
  acceptsPath(fsPath: string, folder: PatternFolder | undefined = this.folderOf(fsPath)): boolean {
    if (!folder || !/\.md$/i.test(fsPath)) return false;
    return this.accept(path.relative(folder.path, fsPath));
  }

  /** Whether a URI is a pattern file of the workspace (file scheme, inside a folder, passes the filter). */
  acceptsUri(uri: string): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && this.acceptsPath(parsed.fsPath);
  }
}

export function isInside(folderPath: string, fsPath: string): boolean {
  const rel = path.relative(folderPath, fsPath);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
