import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { DiscoveryProblem } from '../core/workspace/fileDiscovery';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { applySummaryResult, summarizeFileSafely, type FileSummaryResult } from '../core/workspace/workspaceLoader';
import type { IndexWorkerAnswer, IndexWorkerRequest } from './indexWorker';

/** Below this many files the worker threads' start-up (~0.1–0.2 s each) costs more than they save. */
export const MIN_FILES_FOR_WORKERS = 300;
/** Worker threads at most, beside the main thread (as the CLI's check). */
const MAX_WORKERS = 3;
/** Files per message: small enough to balance the threads, large enough that messaging costs little. */
const BATCH_SIZE = 32;
/** Results between two progress calls: the loader's chunk size, so the messages read as a one-thread run's do. */
export const PROGRESS_STEP = 200;
/** Batches a worker holds at once, so it never waits for the main thread (busy with its own batch) to answer. */
const BATCHES_IN_FLIGHT = 3;

/** Worker threads for an index of `fileCount` files: none for small workspaces, else one fewer than the cores, at most 3. */
export function indexWorkerCount(fileCount: number, cores = availableCores()): number {
  if (fileCount <= MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(cores - 1, MAX_WORKERS));
}

/**
 * The worker's entry file: next to this module both when compiled by tsc (out/server/src/lsp/)
 * and when bundled by esbuild (dist/server.js beside dist/indexWorker.js). Undefined when it is
 * missing, so that the caller indexes on the main thread instead.
 */
export function indexWorkerScript(folder: string = __dirname): string | undefined {
  const script = path.join(folder, 'indexWorker.js');
  return fs.existsSync(script) ? script : undefined;
}

export interface ThreadedSummaryOptions {
  /** Worker threads to start beside the main thread, which summarizes its share too. */
  readonly workers: number;
  /** The worker entry file (see indexWorkerScript). */
  readonly script: string;
  /** Aborting terminates the workers at once; no result is delivered after it. */
  readonly signal?: AbortSignal;
  /** Every file's result, in the order of `files` whichever thread read it: the index comes out as a one-thread run builds it. */
  readonly onResult: (file: string, result: FileSummaryResult) => void;
  /** Called when every PROGRESS_STEP-th result and the last one were delivered, with the count so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** A worker that failed; its unanswered files are read by the other threads. */
  readonly onWorkerFailure?: (error: Error) => void;
}

/**
 * Builds the same index as the loader's indexFiles (results are applied in file order), with the
 * files read by the main thread and `workers` worker threads; the main thread also applies the
 * summaries as they come in. Unreadable files are returned as problems, never thrown.
 */
export async function indexFilesOnThreads(files: readonly string[], index: WorkspaceIndex, options: Omit<ThreadedSummaryOptions, 'onResult'>): Promise<DiscoveryProblem[]> {
  const problems: DiscoveryProblem[] = [];
  options.onProgress?.(0, files.length);
  await summarizeOnThreads(files, {
    ...options,
    onResult: (file, result) => {
      const problem = applySummaryResult(file, result, index);
      if (problem) problems.push(problem);
    },
  });
  return problems;
}

/**
 * Summarizes files on the main thread and `workers` worker threads, dealing out batches as the
 * threads become free. Resolves when every file's result has been delivered, or at once when the
 * signal aborts; the workers are terminated either way.
 */
export async function summarizeOnThreads(files: readonly string[], options: ThreadedSummaryOptions): Promise<void> {
  const { signal } = options;
  const batchCount = Math.ceil(files.length / BATCH_SIZE);
  const filesOf = (batch: number) => files.slice(batch * BATCH_SIZE, Math.min(files.length, (batch + 1) * BATCH_SIZE));
  const results: Array<FileSummaryResult | undefined> = new Array(files.length);
  const givenBack: number[] = [];
  let nextBatch = 0;
  const take = (): number | undefined => givenBack.pop() ?? (nextBatch < batchCount ? nextBatch++ : undefined);
  let delivered = 0;
  let stopping = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const store = (batch: number, answers: readonly FileSummaryResult[]) => {
    if (stopping || signal?.aborted) return;
    answers.forEach((result, i) => (results[batch * BATCH_SIZE + i] = result));
    for (let result = results[delivered]; result !== undefined && !stopping && !signal?.aborted; result = results[delivered]) {
      options.onResult(files[delivered], result);
      results[delivered++] = undefined;
      if (delivered % PROGRESS_STEP === 0 || delivered === files.length) options.onProgress?.(delivered, files.length);
    }
    notify();
  };

  const workers: Worker[] = [];
  const startWorker = () => {
    const inFlight = new Set<number>();
    let lost = false;
    let worker: Worker | undefined;
    const lose = (error: Error) => {
      if (lost || stopping) return;
      lost = true;
      givenBack.push(...inFlight);
      inFlight.clear();
      options.onWorkerFailure?.(error);
      void worker?.terminate();
      notify();
    };
    const send = () => {
      const batch = take();
      if (batch === undefined) return false;
      inFlight.add(batch);
      const request: IndexWorkerRequest = { batch, files: filesOf(batch) };
      worker?.postMessage(request);
      return true;
    };
    try {
      worker = new Worker(options.script);
    } catch (error) {
      lose(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    workers.push(worker);
    worker.on('message', (answer: IndexWorkerAnswer) => {
      if (lost || !inFlight.delete(answer.batch)) return;
      store(answer.batch, answer.results);
      if (!stopping && !signal?.aborted) send();
    });
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`an index worker stopped unexpectedly (exit code ${code})`)));
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) if (!send()) break;
  };

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping = true;
    notify();
    return (stopped ??= Promise.all(workers.map((w) => w.terminate())).then(() => undefined));
  };
  const onAbort = () => void stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal?.aborted) return;
    for (let i = 0; i < options.workers; i++) startWorker();
    while (delivered < files.length && !stopping && !signal?.aborted) {
      const batch = take();
      if (batch !== undefined) {
        store(batch, filesOf(batch).map((file) => summarizeFileSafely(file)));
        // Lets the workers' answers (and the client's requests, e.g. shutdown) in between batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        // Every batch is out with a worker: sleep until one answers, fails or the run is aborted.
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await stop();
  }
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
