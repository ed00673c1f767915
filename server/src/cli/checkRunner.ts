import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CheckEnvironment } from '../core/rules/checkDocument';
import type { SeveritySetting } from '../core/settings/patternSettings';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { summarizeFileSafely, type FileSummaryResult } from '../core/workspace/workspaceLoader';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { RETAINED_TEXT_BUDGET, RetainedDocuments } from './retainedDocuments';
import { type SchemaTools, checkFileDocument, checkFileWorkspace, createCheckEnvironment, loadSchemaTools, type DocumentPassResult, type FileCheckResult } from './checkFile';
import type { WorkerAnswer, WorkerRequest, WorkerSetup, WorkerTask } from './checkWorker';

/** Files per message to a worker: small enough to balance the load, large enough that messaging costs little. */
const BATCH_SIZE = 16;
/** Batches a worker holds at once, so it never waits for the main thread (busy with its own batch) to answer. */
const BATCHES_IN_FLIGHT = 3;

export interface CheckRun {
  /** Reads the frontmatter of files for the index: one result per file, in the order given. */
  summarize(files: readonly string[]): Promise<FileSummaryResult[]>;
  /** Reads each file to check once: its summary for the index and its document-rule diagnostics, one result per file in order. */
  checkDocuments(files: readonly string[]): Promise<DocumentPassResult[]>;
  /**
   * Lets the workers build the second pass's index while this thread builds its own: the summaries
   * of the index in its order (optional: checkWorkspace sends them when this was not called).
   */
  shareIndex(summaries: readonly PatternSummary[]): void;
  /** The workspace rules on files, once `index` holds every file: one result per file, in the order given. */
  checkWorkspace(files: readonly string[], index: WorkspaceIndex): Promise<FileCheckResult[]>;
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/**
 * A worker thread of the check started before the run took it over (bin/commons-patterns.js starts
 * one while the CLI loads), with the failure it reported meanwhile, if any.
 */
export interface StartedWorker {
  readonly worker: Worker;
  readonly failure?: Error;
}

/**
 * Spreads the CLI's work over the main thread and `extraThreads` worker threads (0: main thread
 * only). Results land by file position, so the output does not depend on which thread did what.
 * The workers start at once: loading their modules and compiling the schema overlaps with work.
 * Workers already `started` (bin/commons-patterns.js starts one before loading the CLI) are used
 * first; those beyond `extraThreads` are stopped.
 */
export function startCheckRun(extraThreads: number, severity: Readonly<Record<string, SeveritySetting>>, started: readonly StartedWorker[] = []): CheckRun {
  const count = Math.max(0, extraThreads);
  // The worker's script lies beside this module's (out/ when tested, dist/ when bundled).
  const workers = Array.from({ length: count }, (_, k) => new WorkerHandle(started[k] ?? { worker: new Worker(path.join(__dirname, 'checkWorker.js')) }));
  const unused = started.slice(count).map(({ worker }) => worker.terminate());
  const setup: WorkerSetup = { severity };
  workers.forEach((w) => w.post({ type: 'setup', ...setup }));
  let schemaTools: SchemaTools | undefined;
  const tools = () => (schemaTools ??= loadSchemaTools());
  // This thread's documents kept from the first pass, and which thread read each file there: the
  // second pass checks each file on that thread, where its document is.
  const retained = new RetainedDocuments(RETAINED_TEXT_BUDGET);
  const readBy = new Map<string, number>();
  // The workers build the second pass's index themselves, from the summaries of the first: each keeps
  // those it made, and this thread passes on the others batch by batch, while the first pass runs
  // (sending all 3,600 at its end kept the workers waiting ~70 ms). The uris of the summaries they hold:
  const heldByWorkers = new Set<string>();
  const passOn = (owner: number, summaries: readonly FileSummaryResult[]) => {
    if (workers.length === 0) return;
    const indexed = summaries.flatMap((s) => (s.kind === 'indexed' ? [s.summary] : []));
    if (indexed.length === 0) return;
    workers.forEach((w, k) => {
      if (k !== owner) w.post({ type: 'summaries', summaries: indexed });
    });
    indexed.forEach((s) => heldByWorkers.add(s.uri));
  };
  let indexShared = false;
  function shareIndex(summaries: readonly PatternSummary[]): void {
    indexShared = true;
    if (workers.length === 0) return;
    // The index's order (which of two files declaring a slug comes first), and any summary the workers lack.
    const order = summaries.map((s) => s.uri);
    const missing = summaries.filter((s) => !heldByWorkers.has(s.uri));
    workers.forEach((w) => w.post({ type: 'index', order, missing }));
  }
  return {
    summarize: async (files) =>
      (await dealOut(files, workers, 'summarize', summarizeFileSafely, undefined, (owner, answers) => passOn(owner, answers as FileSummaryResult[]))).results as FileSummaryResult[],
    async checkDocuments(files) {
      // The document rules do not look at the index. Loaded on this thread's first file, after the workers have their first batches.
      let env: CheckEnvironment | undefined;
      const local = (file: string) => checkFileDocument(file, (env ??= createCheckEnvironment(new WorkspaceIndex(), tools(), severity)), retained);
      const { results, owners } = await dealOut(files, workers, 'document', local, undefined, (owner, answers) => passOn(owner, (answers as DocumentPassResult[]).map((a) => a.summary)));
      files.forEach((file, i) => readBy.set(file, owners[i]));
      return results as DocumentPassResult[];
    },
    shareIndex,
    async checkWorkspace(files, index) {
      if (!indexShared && files.length) shareIndex([...index.all()]);
      const env = createCheckEnvironment(index, tools(), severity);
      const ownerOf = (i: number) => readBy.get(files[i]) ?? LOCAL;
      return (await dealOut(files, workers, 'workspace', (file) => checkFileWorkspace(file, env, retained), ownerOf)).results as FileCheckResult[];
    },
    close: async () => {
      await Promise.all([...workers.map((w) => w.terminate()), ...unused]);
    },
  };
}

type TaskResult = FileSummaryResult | FileCheckResult | DocumentPassResult;

/** Which thread handled a file: LOCAL for this one, else the worker's position. */
const LOCAL = -1;
const ANY_THREAD = -2;

/**
 * Deals batches of files to the workers and to this thread until every file has its result, and
 * says which thread handled each. With `ownerOf`, each file goes to the thread given (the one that
 * kept its document); otherwise to whichever thread is free.
 */
async function dealOut(
  files: readonly string[],
  workers: readonly WorkerHandle[],
  task: WorkerTask,
  local: (file: string) => TaskResult,
  ownerOf?: (fileIndex: number) => number,
  onBatch?: (owner: number, answers: readonly TaskResult[]) => void,
): Promise<{ results: TaskResult[]; owners: number[] }> {
  const results: TaskResult[] = new Array(files.length);
  const owners: number[] = new Array(files.length);
  // Batch numbers waiting, by the thread that must take them (all in one queue when any thread may).
  const queues = new Map<number, number[]>();
  const queueOf = (owner: number) => {
    const key = ownerOf ? owner : ANY_THREAD;
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = []));
    return queue;
  };
  const batches: number[][] = [];
  const filling = new Map<number, number[]>();
  files.forEach((_, i) => {
    const owner = ownerOf ? ownerOf(i) : ANY_THREAD;
    let batch = filling.get(owner);
    if (!batch || batch.length === BATCH_SIZE) {
      filling.set(owner, (batch = []));
      queueOf(owner).push(batches.length);
      batches.push(batch);
    }
    batch.push(i);
  });
  const takeFor = (owner: number) => {
    const queue = queueOf(owner);
    return () => queue.shift();
  };
  const storeFor = (owner: number) => (batch: number, answers: readonly TaskResult[]) => {
    batches[batch].forEach((fileIndex, i) => {
      results[fileIndex] = answers[i];
      owners[fileIndex] = owner;
    });
    onBatch?.(owner, answers);
  };
  const workersDone = Promise.all(workers.map((w, k) => w.drive(task, files, batches, takeFor(k), storeFor(k))));
  // Awaited after this thread's own batches; until then a worker's failure must not count as unhandled.
  workersDone.catch(() => undefined);
  const take = takeFor(LOCAL);
  const store = storeFor(LOCAL);
  for (let b = take(); b !== undefined; b = take()) {
    store(b, batches[b].map((i) => local(files[i])));
    // Lets the workers' answers in, so they get their next batch while this thread works.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await workersDone;
  return { results, owners };
}

/** One worker thread, with its failure kept so that a later phase does not wait on a dead worker. */
class WorkerHandle {
  private readonly worker: Worker;
  private failure: Error | undefined;
  private onFailure: ((error: Error) => void) | undefined;
  private onAnswer: ((answer: WorkerAnswer) => void) | undefined;
  private stopping = false;

  constructor(started: StartedWorker) {
    this.worker = started.worker;
    this.failure = started.failure;
    this.worker.on('message', (answer: WorkerAnswer) => this.onAnswer?.(answer));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a check worker stopped unexpectedly (exit code ${code})`)));
  }

  post(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  /** Feeds the worker batches until none are left; resolves when it has answered every batch it got. */
  drive(task: WorkerTask, files: readonly string[], batches: readonly number[][], take: () => number | undefined, store: (batch: number, answers: readonly TaskResult[]) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      let inFlight = 0;
      const send = (): boolean => {
        const batch = take();
        if (batch === undefined) return false;
        inFlight++;
        this.post({ type: task, batch, files: batches[batch].map((i) => files[i]) });
        return true;
      };
      const done = (error?: Error) => {
        this.onAnswer = undefined;
        this.onFailure = undefined;
        if (error) reject(error);
        else resolve();
      };
      this.onFailure = done;
      this.onAnswer = (answer) => {
        inFlight--;
        store(answer.batch, answer.results);
        if (!send() && inFlight === 0) done();
      };
      for (let i = 0; i < BATCHES_IN_FLIGHT; i++) if (!send()) break;
      if (inFlight === 0) done();
    });
  }

  async terminate(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    if (this.stopping || this.failure) return;
    this.failure = error;
    this.onFailure?.(error);
  }
}
