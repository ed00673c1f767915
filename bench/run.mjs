// `npm run bench`: the CLI and the language server on the real library and on seeded synthetic
// libraries of 1,000 / 5,000 / 20,000 patterns. Writes a JSON file and prints readable tables;
// docs/benchmarks.md records the results. Progress goes to stderr, the tables to stdout.
//
//   node bench/run.mjs [--corpus PATH] [--sizes 1000,5000,20000] [--quick] [--out bench/results/latest.json]
//                      [--runs N] [--requests N] [--edits N] [--only check|server]
//   node bench/run.mjs --render bench/results/latest.json     (print the tables of an earlier run again)
//
// Needs a build first (`npm run build`): it runs bin/commons-patterns.js and out/server/src/lsp/main.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusShape } from './corpusShape.mjs';
import { ensureLibrary, hubLinkers, slugsFor } from './generateLibrary.mjs';
import { listPatternFiles, pickDocuments, slugWithBacklinks } from './lib/documentPositions.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { measureCheck } from './lib/measureCheck.mjs';
import { measureServer } from './lib/measureServer.mjs';
import { ProcessTracker } from './lib/processTracker.mjs';
import { formatReport } from './lib/report.mjs';
import { evaluateTargets, perEditCost } from './lib/targets.mjs';
import { peakMemoryMethod } from './lib/timedProcess.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/commons-os-patterns/_patterns');
const CACHE = path.join(REPO_ROOT, 'bench', '.cache');
const SERVER_MAIN = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js');
const SEED = 42;
const OPEN_DOCUMENTS = 5;
/** One `check` run longer than this is recorded as timed out (and not repeated). */
const CHECK_TIMEOUT_MS = 150_000;
const DEFAULT_DEBOUNCE_MS = 150;

const USAGE = 'usage: node bench/run.mjs [--corpus PATH] [--sizes 1000,5000,20000] [--quick] [--out FILE] [--runs N] [--requests N] [--edits N] [--only check|server]\n       node bench/run.mjs --render RESULTS.json';

function parseArgs(argv) {
  const options = { corpus: undefined, sizes: undefined, quick: false, out: path.join(REPO_ROOT, 'bench', 'results', 'latest.json'), only: undefined };
  const number = (flag, value) => {
    if (!/^\d+$/.test(value ?? '')) throw new Error(`${flag} needs a whole number`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--corpus') options.corpus = path.resolve(argv[++i] ?? '');
    else if (arg === '--sizes') options.sizes = (argv[++i] ?? '').split(',').map((s) => number('--sizes', s.trim()));
    else if (arg === '--out') options.out = path.resolve(argv[++i] ?? '');
    else if (arg === '--runs') options.runs = number(arg, argv[++i]);
    else if (arg === '--requests') options.requests = number(arg, argv[++i]);
    else if (arg === '--edits') options.edits = number(arg, argv[++i]);
    else if (arg === '--only' && ['check', 'server'].includes(argv[i + 1])) options.only = argv[++i];
    else if (arg === '--render') options.render = path.resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument '${arg}'\n${USAGE}`);
  }
  options.sizes ??= options.quick ? [1000] : [1000, 5000, 20000];
  options.requests ??= options.quick ? 100 : 200;
  options.edits ??= options.quick ? 50 : 200;
  return options;
}

/**
 * Runs of `check` (and of the floor) per corpus: 5 up to the real library's size, 3 at 5,000 files,
 * 1 at 20,000 (where one run takes minutes), so that a full run stays within about 8 minutes.
 */
function checkRuns(options, files) {
  if (options.runs) return options.runs;
  if (options.quick) return 3;
  if (files > 10_000) return 1;
  return files > 4_000 ? 3 : 5;
}

/** The server's debounce before it checks an edited document, read from the build so the report stays true if it changes. */
async function debounceMs(log) {
  try {
    const session = await import(path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'session.js'));
    if (typeof session.CHECK_DELAY_MS === 'number') return session.CHECK_DELAY_MS;
  } catch {
    // Fall through to the documented default.
  }
  log(`  (could not read CHECK_DELAY_MS from the build; assuming ${DEFAULT_DEBOUNCE_MS} ms)`);
  return DEFAULT_DEBOUNCE_MS;
}

function corporaOf(options, log) {
  const corpora = [];
  const realDir = options.corpus ?? DEFAULT_CORPUS;
  if (fs.existsSync(realDir) && fs.statSync(realDir).isDirectory()) {
    corpora.push({ name: 'real library', kind: 'real', dir: realDir });
  } else {
    const banner = '!'.repeat(100);
    corpora.missingRealLibrary = realDir;
    log(`${banner}\n!! The real library was not found at ${realDir}.\n!! Running the SYNTHETIC libraries only: the real-library targets are NOT measured in this run.\n!! Pass --corpus PATH (the _patterns folder of the Commons OS library) to measure them.\n${banner}`);
  }
  for (const count of options.sizes) {
    corpora.push({ name: `synthetic ${count.toLocaleString('en-US')}`, kind: 'synthetic', count, dir: path.join(CACHE, `synthetic-${count}-seed${SEED}`) });
  }
  return corpora;
}

async function measureCorpus(corpus, options, context) {
  const { tracker, log, debounce } = context;
  const started = Date.now();
  log(`\n== ${corpus.name} (${corpus.dir})`);
  let renameTarget;
  if (corpus.kind === 'synthetic') {
    const made = ensureLibrary(corpus.dir, corpus.count, SEED);
    log(made.generated ? `  generated ${corpus.count} patterns in ${Math.round((Date.now() - started) / 1000)} s` : '  reusing the cached library');
    const hub = slugsFor(corpus.count)[0];
    renameTarget = { slug: hub, file: path.join(corpus.dir, `${hub}.md`), linkingFiles: hubLinkers(corpus.count).size };
  }
  const files = listPatternFiles(corpus.dir);
  const result = { name: corpus.name, kind: corpus.kind, count: corpus.count, dir: path.relative(REPO_ROOT, corpus.dir), files: files.length };
  if (corpus.kind === 'real' || corpus.count === Math.min(...options.sizes)) result.shape = corpusShape(corpus.dir);
  if (options.only !== 'server') {
    const runs = checkRuns(options, files.length);
    log(`  check vs floor, ${runs} runs each:`);
    result.check = await measureCheck({ repoRoot: REPO_ROOT, corpus: corpus.dir, runs, tracker, timeoutMs: CHECK_TIMEOUT_MS, log });
  }
  if (options.only !== 'check') {
    renameTarget ??= slugWithBacklinks(files, 50);
    const documents = pickDocuments(files, OPEN_DOCUMENTS, new Set(renameTarget ? [renameTarget.file] : []));
    if (documents.length === 0) throw new Error(`no file in ${corpus.dir} has relationships and inferred links to measure with`);
    log(`  language server (${documents.length} open documents, ${options.requests} requests of each kind, ${options.edits} edits):`);
    result.server = await measureServer({
      serverMain: SERVER_MAIN, corpus: corpus.dir, documents, renameTarget, requests: options.requests, edits: options.edits,
      checkDelayMs: debounce, tracker, log,
    });
  }
  result.seconds = Math.round((Date.now() - started) / 100) / 10;
  return result;
}

/** Prints the tables of an earlier results file again (targets re-evaluated): `--render FILE`. */
function render(file) {
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  results.perEditCost = perEditCost(results.corpora);
  results.targets = evaluateTargets(results);
  console.log(formatReport(results));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.render) return render(options.render);
  const log = (line) => process.stderr.write(`${line}\n`);
  if (!fs.existsSync(SERVER_MAIN) || !fs.existsSync(path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js'))) {
    throw new Error('the build is missing (out/server/src/...): run `npm run build` first');
  }
  const tracker = new ProcessTracker();
  const stop = (signal) => {
    tracker.killAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = Date.now();
  const results = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    machine: describeMachine(),
    loadAverage: { start: loadAverage() },
    options: { quick: options.quick, sizes: options.sizes, requests: options.requests, edits: options.edits, only: options.only ?? null, seed: SEED, openDocuments: OPEN_DOCUMENTS },
    peakMemoryMethod: peakMemoryMethod(),
    debounceMs: await debounceMs(log),
    corpora: [],
  };
  const corpora = corporaOf(options, log);
  if (corpora.missingRealLibrary) results.missingRealLibrary = corpora.missingRealLibrary;
  try {
    for (const corpus of corpora) results.corpora.push(await measureCorpus(corpus, options, { tracker, log, debounce: results.debounceMs }));
  } finally {
    tracker.killAll();
  }
  results.loadAverage.end = loadAverage();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  results.perEditCost = perEditCost(results.corpora);
  results.targets = evaluateTargets(results);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  log(`\nwrote ${path.relative(process.cwd(), options.out) || options.out} in ${results.durationSeconds} s`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
