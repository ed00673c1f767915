import * as fs from 'fs';
import {
  DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type FileEvent,
} from 'vscode-languageserver/node';
import { discoverMarkdownFiles } from '../core/workspace/fileDiscovery';
import { pathToUri, uriToPath } from '../core/workspace/uris';
import { guardNotification } from './guard';
import type { PatternSession } from './session';

/**
 * Asks the client to watch pattern files, and folders being created or deleted (a folder moved in
 * or out takes its files along, and a watcher on `*.md` need not name them one by one).
 */
export async function registerFileWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: '**/*.md' },
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ],
  });
}

/** Created, changed and deleted files update the index one file at a time; renames arrive as delete + create. */
export function registerWatchedFiles(connection: Connection, session: PatternSession): void {
  connection.onDidChangeWatchedFiles(guardNotification(connection, 'didChangeWatchedFiles', ({ changes }) => {
    for (const change of changes) applyFileEvent(session, change);
  }));
}

function applyFileEvent(session: PatternSession, change: FileEvent): void {
  const deleted = change.type === FileChangeType.Deleted;
  if (/\.md$/i.test(change.uri)) {
    session.fileChangedOnDisk(change.uri, deleted);
  } else if (deleted) {
    session.folderDeletedOnDisk(change.uri);
  } else if (change.type === FileChangeType.Created && isFolder(change.uri)) {
    // A folder moved into the workspace: its pattern files are new even if no event names them.
    for (const file of discoverMarkdownFiles(uriToPath(change.uri)).files) session.fileChangedOnDisk(pathToUri(file), false);
  }
}

function isFolder(uri: string): boolean {
  try {
    return fs.statSync(uriToPath(uri)).isDirectory();
  } catch {
    return false;
  }
}
