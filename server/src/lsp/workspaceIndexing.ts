import type { Connection } from 'vscode-languageserver/node';
import { indexFiles, listWorkspaceFiles } from '../core/workspace/workspaceLoader';
import { IndexReadyNotification } from './customProtocol';
import { logError } from './guard';
import { indexFilesOnThreads, indexWorkerCount, indexWorkerScript } from './indexWorkerPool';
import type { PatternSession } from './session';

/**
 * (Re-)indexes every pattern file of every workspace folder with the core's workspace loader (a
 * large workspace on worker threads beside the main thread: see indexWorkerPool.ts), reporting
 * progress to the client ("Indexing patterns 1,200/3,616"). A newer run supersedes an
 * older one (new folders or filter while indexing). When a run completes the gate opens, the
 * client gets `commonsPatterns/indexReady` and the open documents are checked against the
 * complete index.
 */
export class WorkspaceIndexing {
  private current: AbortController | undefined;

  constructor(private readonly session: PatternSession, private readonly connection: Connection) {}

  /** Stops the run in progress (shutdown): it reads no more files and announces nothing. */
  cancel(): void {
    this.current?.abort();
  }

  async reindex(): Promise<void> {
    this.current?.abort();
    const run = (this.current = new AbortController());
    const session = this.session;
    session.gate.close();
    session.resetIndex();
    const started = Date.now();
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Commons Patterns', 0, 'Indexing patterns', false);
    try {
      const files = new Set<string>();
      for (const folder of session.folders.all()) {
        const listed = listWorkspaceFiles(folder.path, session.settings);
        for (const problem of listed.problems) this.connection.console.warn(`commons-patterns: cannot read ${problem.path}: ${problem.message}`);
        // Nested workspace folders list the same file twice.
        for (const file of listed.files) files.add(file);
      }
      const list = [...files];
      const workers = indexWorkerCount(list.length);
      const script = workers > 0 ? indexWorkerScript() : undefined;
      const onProgress = (done: number, total: number) =>
        progress?.report(total === 0 ? 100 : Math.floor((done / total) * 100), `Indexing patterns ${count(done)}/${count(total)}`);
      const problems = script
        ? await indexFilesOnThreads(list, session.index, { workers, script, signal: run.signal, onProgress, onWorkerFailure: (error) =>
          this.connection.console.warn(`commons-patterns: an index worker failed, its files are read on the other threads: ${error.message}`) })
        : await indexFiles(list, session.index, { signal: run.signal, onProgress });
      if (run.signal.aborted) return;
      for (const problem of problems) this.connection.console.warn(`commons-patterns: cannot read ${problem.path}: ${problem.message}`);
      const threads = script ? workers + 1 : 1;
      this.connection.console.info(`commons-patterns: indexed ${count(session.index.size)} patterns (${count(files.size)} files) in ${Date.now() - started} ms on ${threads} thread${threads === 1 ? '' : 's'}`);
    } catch (error) {
      // A failure mid-way still leaves a usable (partial) index: open the gate rather than hang requests.
      logError(this.connection, 'indexing', error);
    } finally {
      progress?.done();
    }
    if (run.signal.aborted) return;
    // The loader read open documents from disk too: their editor text wins.
    session.resyncOpenDocuments();
    session.gate.open();
    session.stamps.touchAll();
    void this.connection.sendNotification(IndexReadyNotification.type, { patterns: session.index.size });
    session.recheckOpenDocuments();
  }
}

/** 3616 -> "3,616": the progress message as the issue shows it, whatever the server's locale. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}
