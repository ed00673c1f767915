// CPU profiles (node --cpu-prof) of the two costs the benchmark's targets are about, summarized
// with bench/summarizeProfile.mjs:
//   - `commons-patterns check` over a library (default: the real one): main thread and workers;
//   - the language server's initial index (initialize -> indexReady, then shutdown) of a synthetic
//     library (default 20,000 files).
//   - editing at that size: edits -> diagnostics and completions after the index is ready.
//   node bench/profile.mjs [--corpus PATH] [--size 20000] [--only cli|server|editing] [--top 25] [--out DIR]
// Profiles go to bench/results/profiles/ (ignored by git); open them in Chrome DevTools or VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLibrary } from './generateLibrary.mjs';
import { CompletionRequest } from 'vscode-languageserver-protocol/node.js';
import { listPatternFiles, pickDocuments, positionsIn } from './lib/documentPositions.mjs';
import { fileUri, LspSession, withTimeout } from './lib/lspSession.mjs';
import { ProcessTracker } from './lib/processTracker.mjs';
import { runNodeTimed } from './lib/timedProcess.mjs';
import { analyzeProfile, summarize } from './summarizeProfile.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/commons-os-patterns/_patterns');
const SERVER_MAIN = path.join(REPO_ROOT, 'out', 'server', 'src', 'lsp', 'main.js');
const SEED = 42;
const EDITS = 100;
const COMPLETIONS = 200;

function parseArgs(argv) {
  const options = { corpus: DEFAULT_CORPUS, size: 20000, only: undefined, top: 25, out: path.join(REPO_ROOT, 'bench', 'results', 'profiles') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--corpus') options.corpus = path.resolve(argv[++i] ?? '');
    else if (arg === '--size' && /^\d+$/.test(argv[i + 1] ?? '')) options.size = Number(argv[++i]);
    else if (arg === '--top' && /^\d+$/.test(argv[i + 1] ?? '')) options.top = Number(argv[++i]);
    else if (arg === '--only' && ['cli', 'server', 'editing'].includes(argv[i + 1])) options.only = argv[++i];
    else if (arg === '--out') options.out = path.resolve(argv[++i] ?? '');
    else throw new Error(`unknown or incomplete argument '${arg}'\nusage: node bench/profile.mjs [--corpus PATH] [--size 20000] [--only cli|server|editing] [--top 25] [--out DIR]`);
  }
  return options;
}

function profilesIn(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().map((f) => path.join(dir, f));
}

function report(title, files, top, window = {}) {
  const lines = [`\n## ${title}`];
  const analyses = files.map((file) => analyzeProfile(JSON.parse(fs.readFileSync(file, 'utf8')), window));
  for (const [i, analysis] of analyses.entries()) {
    const s = summarize(analysis, top);
    lines.push(`\n### ${path.basename(files[i])} (thread ${i}): ${s.busyMs} ms busy of ${s.sampledMs} ms sampled`);
    const rows = (list) => list.map((e) => `  ${String(e.ms).padStart(9)} ms ${String(e.percent).padStart(5)}%  ${e.name}`);
    lines.push('self time by package / folder:', ...rows(s.groups.slice(0, 12)));
    lines.push('self time by function:', ...rows(s.self));
    lines.push('total (inclusive) time by function:', ...rows(s.total));
  }
  return lines.join('\n');
}

async function profileCli(options, tracker, dir) {
  if (!fs.existsSync(options.corpus)) throw new Error(`no library at ${options.corpus} (pass --corpus PATH)`);
  const outFile = path.join(dir, 'check-output.json');
  const run = await runNodeTimed(path.join(REPO_ROOT, 'bin', 'commons-patterns.js'), ['check', '--format', 'json', '--root', options.corpus, options.corpus], {
    tracker, timeoutMs: 600_000, stdoutFile: outFile, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir], cwd: options.corpus,
  });
  fs.rmSync(outFile, { force: true });
  return report(`commons-patterns check over ${options.corpus} (wall ${Math.round(run.wallMs)} ms under the profiler, exit ${run.exitCode})`, profilesIn(dir), options.top);
}

async function profileServer(options, tracker, dir) {
  const library = ensureLibrary(path.join(REPO_ROOT, 'bench', '.cache', `synthetic-${options.size}-seed${SEED}`), options.size, SEED);
  const session = await LspSession.start({ serverMain: SERVER_MAIN, workspace: library.dir, tracker, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
  let readyMs;
  try {
    const ready = await withTimeout(session.indexReady, 300_000, 'commonsPatterns/indexReady');
    readyMs = Math.round(Number(ready.at - session.initializeSentAt) / 1e6);
  } finally {
    // The profile is written when the server exits normally (shutdown + exit).
    await session.stop();
  }
  return report(`language server, initialize -> indexReady on ${options.size} synthetic files (${readyMs} ms under the profiler)`, profilesIn(dir), options.top);
}

/**
 * Editing at scale: after the index of the synthetic library is ready, one document gets EDITS
 * edits (each waiting for its diagnostics) and COMPLETIONS completions inside a relationship slug;
 * only the samples after indexReady are summarized.
 */
async function profileEditing(options, tracker, dir) {
  const library = ensureLibrary(path.join(REPO_ROOT, 'bench', '.cache', `synthetic-${options.size}-seed${SEED}`), options.size, SEED);
  const [file] = pickDocuments(listPatternFiles(library.dir), 1);
  const session = await LspSession.start({ serverMain: SERVER_MAIN, workspace: library.dir, tracker, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
  let fromMicros;
  try {
    await withTimeout(session.indexReady, 300_000, 'commonsPatterns/indexReady');
    fromMicros = Number(process.hrtime.bigint() / 1000n);
    const uri = fileUri(file);
    const first = session.nextDiagnostics(uri, 1, 30_000);
    await session.open(file);
    await first;
    const spot = positionsIn(session.texts.get(uri)).relSlugs[0];
    for (let i = 0; i < EDITS; i++) {
      const breaking = i % 2 === 0;
      const range = breaking ? { start: spot.end, end: spot.end } : { start: spot.end, end: { line: spot.end.line, character: spot.end.character + 1 } };
      const published = session.nextDiagnostics(uri, session.versions.get(uri) + 1, 30_000);
      await session.change(uri, range, breaking ? 'x' : '');
      await published;
    }
    for (let i = 0; i < COMPLETIONS; i++) {
      await session.timed(CompletionRequest.type, { textDocument: { uri }, position: spot.middle }, 30_000, 'completion');
    }
  } finally {
    await session.stop();
  }
  return report(`language server at ${options.size} files after indexReady: ${EDITS} edits -> diagnostics, then ${COMPLETIONS} completions (debounce waits show as idle)`,
    profilesIn(dir), options.top, { fromMicros });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const tracker = new ProcessTracker();
  process.once('SIGINT', () => {
    tracker.killAll();
    process.exit(130);
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    for (const [kind, run] of [['cli', profileCli], ['server', profileServer], ['editing', profileEditing]]) {
      if (options.only && options.only !== kind) continue;
      const dir = path.join(options.out, `${kind}-${stamp}`);
      fs.mkdirSync(dir, { recursive: true });
      console.log(await run(options, tracker, dir));
      console.log(`\n(profiles in ${path.relative(process.cwd(), dir)})`);
    }
  } finally {
    tracker.killAll();
  }
}

main().catch((error) => {
  process.stderr.write(`profile: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
