import { parentPort } from 'worker_threads';
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
  /** First of all: the settings of the run (a worker may start before they are read). */
  | ({ readonly type: 'setup' } & WorkerSetup)
  /** Summaries another thread made in the first pass (a worker keeps its own), for the index of the second. */
  | { readonly type: 'summaries'; readonly summaries: readonly PatternSummary[] }
  /** Before any `workspace` task: the index's uris in order, and the summaries of any this worker was not given. */
  | { readonly type: 'index'; readonly order: readonly string[]; readonly missing: readonly PatternSummary[] }
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
  // Compiling the schema now overlaps with the main thread's start.
  const tools = loadSchemaTools();
  // The document rules' environment, made when the setup arrives (its severity is the run's).
  let documentEnv: CheckEnvironment | undefined;
  // The documents read here in the first pass that the second pass checks here again.
  const retained = new RetainedDocuments(RETAINED_TEXT_BUDGET);
  // Every summary of the first pass by uri: this worker's own and those passed on to it.
  const held = new Map<string, PatternSummary>();
  const hold = (summary: FileSummaryResult) => {
    if (summary.kind === 'indexed') held.set(summary.summary.uri, summary.summary);
  };
  let env: CheckEnvironment | undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'setup') {
      documentEnv = createCheckEnvironment(new WorkspaceIndex(), tools, request.severity);
      return;
    }
    // The main thread posts the setup before anything else; its absence is a bug of ours.
    if (!documentEnv) throw new Error(`checkWorker received '${request.type}' before its setup`);
    const documentChecks = documentEnv;
    if (request.type === 'summaries') {
      request.summaries.forEach((summary) => held.set(summary.uri, summary));
      return;
    }
    if (request.type === 'index') {
      request.missing.forEach((summary) => held.set(summary.uri, summary));
      env = createCheckEnvironment(indexOfSummaries(request.order.map((uri) => heldSummary(held, uri))), tools, documentChecks.severity ?? {});
      return;
    }
    let results: WorkerAnswer['results'];
    if (request.type === 'summarize') {
      const summaries = request.files.map((file) => summarizeFileSafely(file));
      summaries.forEach(hold);
      results = summaries;
    } else if (request.type === 'document') {
      const documentResults = request.files.map((file) => checkFileDocument(file, documentChecks, retained));
      documentResults.forEach((result) => hold(result.summary));
      results = documentResults;
    } else {
      if (!env) throw new Error('checkWorker received files for the workspace rules before the index');
      const checkEnv = env;
      results = request.files.map((file) => checkFileWorkspace(file, checkEnv, retained));
    }
    const answer: WorkerAnswer = { batch: request.batch, results };
    port.postMessage(answer);
  });
}

function heldSummary(held: ReadonlyMap<string, PatternSummary>, uri: string): PatternSummary {
  const summary = held.get(uri);
  // The main thread sends every summary a worker did not make or receive; a gap is a bug of ours.
  if (!summary) throw new Error(`checkWorker has no summary of ${uri} for the index`);
  return summary;
}

serve();
