import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allRules } from '../core/rules/allRules';
import type { PatternSettings } from '../core/settings/patternSettings';
import { createPathFilter, describe } from '../core/workspace/fileDiscovery';
import { applySummaryResult, listWorkspaceFiles, type FileSummaryResult } from '../core/workspace/workspaceLoader';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { mergeCheckResults, type FileCheckResult } from './checkFile';
import { startCheckRun, type StartedWorker } from './checkRunner';
import { compareEntries, compareStrings, cwdRelativePath, severityName, type CheckReport, type ReportEntry, type ReportRule } from './checkReport';
import { resolveCheckTargets } from './checkTargets';
import type { CheckOptions, OutputFormat } from './cliOptions';
import { readCliSettings } from './cliSettings';
import { formatJson } from './formats/jsonFormat';
import { formatSarif } from './formats/sarifFormat';
import { formatText } from './formats/textFormat';
import type { PackageInfo } from './packageInfo';
import { ruleDescription } from './ruleDescriptions';

/** Where the CLI reads and writes: the process in production, buffers in tests. */
export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  /** One message per call, without the trailing newline; the CLI's name is prefixed here. */
  stderr(line: string): void;
  /** Worker threads for `check` started while the CLI loaded (bin/commons-patterns.js); a run that needs none stops them. */
  readonly startedWorkers?: readonly StartedWorker[];
}

/** Below this many files, starting worker threads costs more than it saves. */
const FILES_PER_EXTRA_THREAD = 300;
const MAX_EXTRA_THREADS = 3;

const FORMATTERS: Record<OutputFormat, (report: CheckReport) => string> = { text: formatText, json: formatJson, sarif: formatSarif };

/** `commons-patterns check`: returns the exit status (0 no errors, 1 errors, 2 usage or read problems). */
export async function runCheck(options: CheckOptions, io: CliIo, tool: PackageInfo): Promise<number> {
  const show = (file: string) => cwdRelativePath({ cwd: io.cwd }, file);
  const rootArg = options.root ?? '.';
  const rootProblem = folderProblem(path.resolve(io.cwd, rootArg), rootArg);
  if (rootProblem) {
    io.stderr(rootProblem);
    return 2;
  }
  const root = fs.realpathSync(path.resolve(io.cwd, rootArg));
  const knownCodes = new Set<string>(allRules.map((rule) => rule.code));
  const read = readCliSettings(root, knownCodes, show);
  if (!read.ok) {
    io.stderr(read.message);
    return 2;
  }
  read.warnings.forEach((warning) => io.stderr(warning));
  const settings = read.settings;

  const workspace = listWorkspaceFiles(root, settings);
  // Started before the PATHs are resolved, so that the workers load while this thread walks them.
  // Their number follows the workspace's size (PATHs outside the root are rarely many).
  const run = startCheckRun(extraThreadsFor(workspace.files.length), settings.severity, io.startedWorkers);
  const index = new WorkspaceIndex();
  let results: FileCheckResult[] | undefined;
  // Per file checked: whether it is a pattern (its summary is in the index).
  let indexed: boolean[] = [];
  let unreadable: Map<string, string>;
  let closing: Promise<void>;
  try {
    const targets = resolveCheckTargets(options.paths, io.cwd, root, createPathFilter(settings), workspace);
    if (targets.fatal.length) {
      targets.fatal.forEach((message) => io.stderr(message));
      return 2;
    }
    unreadable = new Map<string, string>(targets.problems.map((p) => [p.path, p.message]));
    workspace.problems.forEach((p) => unreadable.set(p.path, p.message));
    // Pass 1: each file to check is read once, for the index and the document rules; the other
    // workspace files only for the index. The files being checked belong to the workspace even when
    // they lie outside the root or its globs.
    const checked = new Set(targets.files);
    const indexOnly = workspace.files.filter((file) => !checked.has(file));
    const documentPass = await run.checkDocuments(targets.files);
    const summaries = await run.summarize(indexOnly);
    const addToIndex = (file: string, result: FileSummaryResult) => {
      const problem = applySummaryResult(file, result, index);
      if (problem) unreadable.set(problem.path, problem.message);
    };
    // In the workspace's file order, so that the index (the first of two files declaring a slug) is the same as the server's.
    const summaryOf = new Map<string, FileSummaryResult>(indexOnly.map((file, i) => [file, summaries[i]]));
    targets.files.forEach((file, i) => summaryOf.set(file, documentPass[i].summary));
    const inWorkspace = new Set(workspace.files);
    const indexOrder = [...workspace.files, ...targets.files.filter((file) => !inWorkspace.has(file))];
    // The workers build their index from the same summaries in the same order, while this thread builds its own.
    run.shareIndex(indexOrder.flatMap((file) => {
      const result = summaryOf.get(file)!;
      return result.kind === 'indexed' ? [result.summary] : [];
    }));
    for (const file of indexOrder) addToIndex(file, summaryOf.get(file)!);
    // Pass 2, with every file in the index: the workspace rules.
    const needsWorkspace = targets.files.filter((_, i) => documentPass[i].workspaceRules);
    const workspacePass = new Map<string, FileCheckResult>();
    (await run.checkWorkspace(needsWorkspace, index)).forEach((result, i) => workspacePass.set(needsWorkspace[i], result));
    results = targets.files.map((file, i) => mergeCheckResults(documentPass[i].check, workspacePass.get(file)));
    indexed = documentPass.map((pass) => pass.summary.kind === 'indexed');
  } finally {
    // Awaited once the report is out: the workers' heaps are torn down meanwhile (~25 ms on a large library).
    closing = run.close();
    if (!results) await closing;
  }

  const entries: ReportEntry[] = [];
  const failures: string[] = [];
  let fileCount = 0;
  let patternCount = 0;
  for (const [i, result] of results.entries()) {
    if (result.kind === 'unreadable') {
      unreadable.set(result.file, result.message);
    } else if (result.kind === 'failed') {
      failures.push(`${show(result.file)}: cannot check: ${result.message}`);
    } else {
      fileCount++;
      if (indexed[i]) patternCount++;
      for (const diagnostic of result.diagnostics) entries.push({ file: result.file, diagnostic });
    }
  }
  [...unreadable].sort(([a], [b]) => compareStrings(a, b)).forEach(([file, message]) => io.stderr(`${show(file)}: cannot read: ${message}`));
  failures.forEach((message) => io.stderr(message));
  entries.sort(compareEntries);

  const report: CheckReport = { tool, root, cwd: io.cwd, fileCount, patternCount, entries, rules: reportRules(settings) };
  io.stdout(FORMATTERS[options.format](report));
  await closing;
  if (failures.length) return 2;
  return entries.some((e) => e.diagnostic.severity === 1) ? 1 : 0;
}

/** Worker threads beside the main thread: none for small runs, else one per few hundred files up to the cores. */
function extraThreadsFor(fileCount: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, MAX_EXTRA_THREADS, Math.floor(fileCount / FILES_PER_EXTRA_THREAD)));
}

function folderProblem(folder: string, shown: string): string | undefined {
  try {
    if (!fs.statSync(folder).isDirectory()) return `--root ${shown}: not a folder`;
    fs.readdirSync(folder);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? `no such folder: ${shown}` : `--root ${shown}: cannot read: ${describe(error)}`;
  }
}

/** Every rule of the core with the severity it reports with under these settings. */
function reportRules(settings: PatternSettings): ReportRule[] {
  return allRules.map((rule) => {
    const setting = settings.severity[rule.code];
    return {
      code: rule.code,
      description: ruleDescription(rule.code),
      severity: setting && setting !== 'off' ? setting : severityName(rule.defaultSeverity),
      enabled: setting !== 'off',
    };
  });
}
