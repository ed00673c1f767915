import { parentPort, workerData } from 'worker_threads';
import type { CheckEnvironment } from '../core/rules/checkDocument';
import type { SeveritySetting } from '../core/settings/patternSettings';
import type { PatternSummary } from '../core/workspace/patternSummary';
import { summarizeFileSafely, type FileSummaryResult } from '../core/workspace/workspaceLoader';
import { checkFileDocument, checkFileWorkspace, createCheckEnvironment, indexOfSummaries, loadSchemaTools, type DocumentPassResult, type FileCheckResult } from './checkFile';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { RETAINED_TEXT_BUDGET, RetainedDocuments } from './retainedDocuments';

export type WorkerTask = 'summarize' | 'document' | 'workspace';

/** What the main thread sends a worker (see checkRunner.ts). */
export type WorkerRequest =
  /** The workspace index, once, before any `workspace` task. */
  | { readonly type: 'index'; readonly summaries: readonly PatternSummary[] }
  | { readonly type: WorkerTask; readonly batch: number; readonly files: readonly string[] };

/** A worker's answer to one batch: one result per file, in the batch's order. */
export interface WorkerAnswer {
  readonly batch: number;
  readonly results: ReadonlyArray<FileSummaryResult | FileCheckResult | DocumentPassResult>;
}

export interface WorkerSetup {
  readonly severity: Readonly<Record<string, SeveritySetting>>;
}

/** A worker thread of `commons-patterns check`: summarizes and checks files by the document rules, then by the workspace rules. */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('checkWorker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  // Compiling the schema now overlaps with the index being built.
  const tools = loadSchemaTools();
  const documentEnv = createCheckEnvironment(new WorkspaceIndex(), tools, setup.severity);
  // The documents read here in the first pass that the second pass checks here again.
  const retained = new RetainedDocuments(RETAINED_TEXT_BUDGET);
  let env: CheckEnvironment | undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'index') {
      env = createCheckEnvironment(indexOfSummaries(request.summaries), tools, setup.severity);
      return;
    }
    let results: WorkerAnswer['results'];
    if (request.type === 'summarize') {
      results = request.files.map((file) => summarizeFileSafely(file));
    } else if (request.type === 'document') {
      results = request.files.map((file) => checkFileDocument(file, documentEnv, retained));
    } else {
      if (!env) throw new Error('checkWorker received files for the workspace rules before the index');
      const checkEnv = env;
      results = request.files.map((file) => checkFileWorkspace(file, checkEnv, retained));
    }
    const answer: WorkerAnswer = { batch: request.batch, results };
    port.postMessage(answer);
  });
}

serve();
