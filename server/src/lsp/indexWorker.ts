import { parentPort } from 'worker_threads';
import { summarizeFileSafely, type FileSummaryResult } from '../core/workspace/workspaceLoader';

/** What the language server sends an index worker: a batch of files to summarize. */
export interface IndexWorkerRequest {
  readonly batch: number;
  readonly files: readonly string[];
}

/** A worker's answer to one batch: one result per file, in the batch's order. */
export interface IndexWorkerAnswer {
  readonly batch: number;
  readonly results: readonly FileSummaryResult[];
}

/**
 * A worker thread of the language server's initial index (see indexWorkerPool.ts): reads the
 * frontmatter of the files it is given through the same fast path as the main thread. Its own
 * entry file so that the esbuild bundle has it as dist/indexWorker.js next to dist/server.js.
 */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('indexWorker must run in a worker thread');
  port.on('message', (request: IndexWorkerRequest) => {
    const answer: IndexWorkerAnswer = { batch: request.batch, results: request.files.map((file) => summarizeFileSafely(file)) };
    port.postMessage(answer);
  });
}

serve();
