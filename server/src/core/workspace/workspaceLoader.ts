import { createPathFilter, describe, discoverMarkdownFiles, relativePath, type DiscoveryProblem, type PatternFileFilter } from './fileDiscovery';
import { summarizeFile } from './indexFile';
import { WorkspaceIndex } from './workspaceIndex';
import { pathToUri } from './uris';
import type { PatternSummary } from './patternSummary';
import { DEFAULT_SETTINGS } from '../settings/patternSettings';

export interface WorkspaceLoadOptions {
  /** include/exclude globs, relative to the root; default: every `.md` file outside dot-folders and node_modules. */
  readonly filter?: PatternFileFilter;
  /** An index to fill (e.g. the server's); default: a new one. */
  readonly index?: WorkspaceIndex;
  /** Called after each chunk of files, and once at the start with done = 0. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops loading between chunks; the partial result is returned. */
  readonly signal?: AbortSignal;
  /** Files summarized between two yields to the event loop. */
  readonly chunkSize?: number;
  /**
   * Summarizes many files at once, e.g. on worker threads (the CLI). The results, one per file in
   * the order given, are applied in that order, so the index is the same as a one-thread load's.
   */
  readonly summarizeFiles?: (files: readonly string[]) => Promise<readonly FileSummaryResult[]>;
}

/** What reading one file's frontmatter gave: plain data, so that it can cross a worker boundary. */
export type FileSummaryResult =
  | { readonly kind: 'indexed'; readonly summary: PatternSummary }
  | { readonly kind: 'not-pattern' }
  | { readonly kind: 'unreadable'; readonly message: string };

export interface WorkspaceLoad {
  readonly index: WorkspaceIndex;
  /** Every Markdown file of the workspace that passed the filter, in discovery order (sorted per folder). */
  readonly files: readonly string[];
  /** Folders and files that could not be read, with a short reason (`permission denied`). */
  readonly problems: readonly DiscoveryProblem[];
}

const DEFAULT_CHUNK_SIZE = 200;

/** The Markdown files under a root that pass the include/exclude filter (paths are matched relative to the root). */
export function listWorkspaceFiles(root: string, filter: PatternFileFilter = DEFAULT_SETTINGS): { files: string[]; problems: DiscoveryProblem[] } {
  const discovered = discoverMarkdownFiles(root);
  const accepts = createPathFilter(filter);
  const files = discovered.files.filter((file) => accepts(relativePath(root, file)));
  return { files, problems: [...discovered.problems] };
}

/**
 * Builds the workspace index of a root folder through the fast frontmatter path. Yields to the
 * event loop between chunks so that a language server stays responsive while a large library loads.
 */
export async function loadWorkspace(root: string, options: WorkspaceLoadOptions = {}): Promise<WorkspaceLoad> {
  const { files, problems } = listWorkspaceFiles(root, options.filter);
  const index = options.index ?? new WorkspaceIndex();
  problems.push(...(await indexFiles(files, index, options)));
  return { index, files, problems };
}

/** Summarizes files into an index; unreadable files are returned as problems, never thrown. */
export async function indexFiles(files: readonly string[], index: WorkspaceIndex, options: Omit<WorkspaceLoadOptions, 'filter' | 'index'> = {}): Promise<DiscoveryProblem[]> {
  const problems: DiscoveryProblem[] = [];
  if (options.summarizeFiles) {
    options.onProgress?.(0, files.length);
    const results = await options.summarizeFiles(files);
    files.forEach((file, i) => {
      const problem = applySummaryResult(file, results[i], index);
      if (problem) problems.push(problem);
    });
    options.onProgress?.(files.length, files.length);
    return problems;
  }
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  options.onProgress?.(0, files.length);
  for (let start = 0; start < files.length; start += chunkSize) {
    if (options.signal?.aborted) break;
    const end = Math.min(files.length, start + chunkSize);
    for (let i = start; i < end; i++) {
      const problem = indexOneFile(files[i], index);
      if (problem) problems.push(problem);
    }
    options.onProgress?.(end, files.length);
    if (end < files.length) await yieldToEventLoop();
  }
  return problems;
}

/** Adds one file to the index (or removes it when it is no longer a pattern); a problem when it cannot be read. */
export function indexOneFile(file: string, index: WorkspaceIndex): DiscoveryProblem | undefined {
  return applySummaryResult(file, summarizeFileSafely(file), index);
}

/** Reads one file's frontmatter through the fast path; never throws. */
export function summarizeFileSafely(file: string): FileSummaryResult {
  try {
    const summary = summarizeFile(file);
    return summary ? { kind: 'indexed', summary } : { kind: 'not-pattern' };
  } catch (error) {
    return { kind: 'unreadable', message: describe(error) };
  }
}

/** Applies one file's result to the index: a file that is no longer a pattern leaves it; an unreadable one is a problem. */
export function applySummaryResult(file: string, result: FileSummaryResult, index: WorkspaceIndex): DiscoveryProblem | undefined {
  if (result.kind === 'indexed') index.set(result.summary);
  else index.delete(pathToUri(file));
  return result.kind === 'unreadable' ? { path: file, message: result.message } : undefined;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
