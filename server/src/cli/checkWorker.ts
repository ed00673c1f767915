import { parentPort, workerData } from 'worker_threads';
import type { CheckEnvironment } from '../core/rules/checkDocument';
import type { SeveritySetting } from '../core/settings/patternSettings';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { summarizeFileSafely, type FileSummaryResult } from '../core/workspace/workspaceLoader';
import { checkFile, createCheckEnvironment, indexOfSummaries, loadSchemaTools, type FileCheckResult } from './checkFile';

export type WorkerTask = 'summarize' | 'check';

/** What the main thread sends a worker (see checkRunner.ts). */
export type WorkerRequest =
  /** The workspace index, once, before any `check`. */
  | { readonly type: 'index'; readonly summaries: readonly PatternSummary[] }
  | { readonly type: WorkerTask; readonly batch: number; readonly files: readonly string[] };

/** A worker's answer to one batch: one result per file, in the batch's order. */
export interface WorkerAnswer {
  readonly batch: number;
  readonly results: ReadonlyArray<FileSummaryResult | FileCheckResult>;
}

export interface WorkerSetup {
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

/** A worker thread of `commons-patterns check`: summarizes files for the index, then parses and checks files. */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('checkWorker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  // Compiling the schema now overlaps with the index being built.
  const tools = loadSchemaTools();
  let env: CheckEnvironment | undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'index') {
      env = createCheckEnvironment(indexOfSummaries(request.summaries), tools, setup.severity);
      return;
    }
    let results: WorkerAnswer['results'];
    if (request.type === 'summarize') {
      results = request.files.map((file) => summarizeFileSafely(file));
    } else {
      if (!env) throw new Error('checkWorker received files to check before the index');
      const checkEnv = env;
      results = request.files.map((file) => checkFile(file, checkEnv));
    }
    const answer: WorkerAnswer = { batch: request.batch, results };
    port.postMessage(answer);
  });
}

serve();
