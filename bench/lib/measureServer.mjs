// The language server over stdio on one corpus: initialize -> indexReady, memory, completion /
// hover / definition latency at varied positions in several open documents, didChange ->
// publishDiagnostics, and a rename of a slug linked from ~50 files.
import * as fs from 'node:fs';
import {
  CompletionRequest, DefinitionRequest, HoverRequest, PrepareRenameRequest, RenameRequest,
} from 'vscode-languageserver-protocol/node.js';
import { positionsIn } from './documentPositions.mjs';
import { fileUri, LspSession, withTimeout } from './lspSession.mjs';
import { loadAverage } from './machine.mjs';
import { msSince, summarize } from './stats.mjs';

const WARM_UP = 10;
const INDEX_TIMEOUT_MS = 180_000;
const REQUEST_TIMEOUT_MS = 30_000;
const DIAGNOSTICS_TIMEOUT_MS = 30_000;
const RENAME_RUNS = 5;

/**
 * options: serverMain, corpus (folder), documents (files to open, documents[0] is the edited one),
 * renameTarget ({ slug, file, linkingFiles }), requests, edits, checkDelayMs, tracker, log.
 */
export async function measureServer(options) {
  const { serverMain, corpus, documents, renameTarget, requests, edits, checkDelayMs, tracker, log } = options;
  const loadBefore = loadAverage();
  const session = await LspSession.start({ serverMain, workspace: corpus, tracker });
  try {
    const ready = await withTimeout(session.indexReady, INDEX_TIMEOUT_MS, 'commonsPatterns/indexReady');
    const index = {
      patterns: ready.params.patterns,
      initializeToReadyMs: round(Number(ready.at - session.initializeSentAt) / 1e6),
      spawnToReadyMs: round(Number(ready.at - session.startedAt) / 1e6),
      // Load-independent: what the server spent (startup included) until it announced the index.
      serverCpuMsAtReady: ready.cpuMs ?? null,
      serverLog: session.logs.find((l) => /indexed .* in \d+ ms/.test(l)),
    };
    const memoryAfterIndex = session.memory();
    log(`    index ready: ${index.patterns} patterns, initialize->ready ${Math.round(index.initializeToReadyMs)} ms (server CPU ${index.serverCpuMsAtReady} ms), RSS ${memoryAfterIndex?.rssMiB} MiB${index.serverLog ? ` (server: ${index.serverLog})` : ''}`);

    const opened = [];
    for (const file of documents) {
      const uri = fileUri(file);
      const first = session.nextDiagnostics(uri, 1, DIAGNOSTICS_TIMEOUT_MS, `first diagnostics of ${file}`);
      await session.open(file);
      await first;
      opened.push({ uri, positions: positionsIn(session.texts.get(uri)) });
    }

    const latency = {};
    for (const [name, type, kinds] of [
      ['completion', CompletionRequest.type, ['relSlugs', 'linkTargets', 'keys']],
      ['hover', HoverRequest.type, ['relSlugs', 'linkTargets', 'keys']],
      ['definition', DefinitionRequest.type, ['relSlugs', 'linkTargets']],
    ]) {
      latency[name] = await timeRequests(session, type, opened, kinds, requests, name);
      log(`    ${name}: p50 ${latency[name].ms.p50} ms, p95 ${latency[name].ms.p95} ms, p99 ${latency[name].ms.p99} ms (${latency[name].answered}/${requests} answered)`);
    }

    const editToDiagnostics = await timeEdits(session, opened[0], edits, checkDelayMs);
    log(`    didChange->diagnostics: p50 ${editToDiagnostics.rawMs.p50} ms, p95 ${editToDiagnostics.rawMs.p95} ms (minus the ${checkDelayMs} ms debounce: p95 ${editToDiagnostics.minusDebounceMs.p95} ms)`);

    const rename = renameTarget ? await timeRename(session, renameTarget) : undefined;
    if (rename) log(`    rename '${rename.slug}' (${rename.linkingFiles} linking files): cold ${rename.coldMs} ms, warm median ${rename.warmMs.p50} ms, ${rename.filesEdited} files edited`);

    return {
      index,
      memory: { afterIndex: memoryAfterIndex, afterRequests: session.memory() },
      documents: documents.map((f) => f.slice(corpus.length + 1)),
      latency,
      editToDiagnostics,
      rename,
      loadAverage: { before: loadBefore, after: loadAverage() },
    };
  } catch (error) {
    if (session.stderr) error.message += `\nserver stderr:\n${session.stderr.slice(-4000)}`;
    throw error;
  } finally {
    await session.stop();
  }
}

/** `count` timed requests at positions of the given kinds, rotating over documents and positions. */
async function timeRequests(session, type, opened, kinds, count, what) {
  const plan = [];
  for (let i = 0; plan.length < count + WARM_UP && i < (count + WARM_UP) * 4; i++) {
    const doc = opened[i % opened.length];
    const list = doc.positions[kinds[Math.floor(i / opened.length) % kinds.length]];
    if (list.length === 0) continue;
    const spot = list[Math.floor(i / (opened.length * kinds.length)) % list.length];
    plan.push({ uri: doc.uri, position: spot.middle ?? spot });
  }
  const times = [];
  let answered = 0;
  let items = 0;
  let cpuBefore;
  for (const [i, { uri, position }] of plan.entries()) {
    if (i === WARM_UP) cpuBefore = session.cpuMs();
    const { result, ms } = await session.timed(type, { textDocument: { uri }, position }, REQUEST_TIMEOUT_MS, `${what} at ${position.line}:${position.character}`);
    if (i < WARM_UP) continue;
    times.push(ms);
    if (result !== null && result !== undefined && !(Array.isArray(result) && result.length === 0)) answered++;
    if (what === 'completion' && result) items += Array.isArray(result) ? result.length : result.items.length;
  }
  return {
    ms: summarize(times),
    serverCpuMsPerRequest: cpuPer(cpuBefore, session.cpuMs(), times.length),
    answered,
    warmUp: WARM_UP,
    ...(what === 'completion' ? { meanItems: Math.round(items / times.length) } : {}),
  };
}

/**
 * `count` edits of the first document, each waiting for the diagnostics of its version: a
 * character appended to a relationship slug that resolves (making it broken), then removed again.
 */
async function timeEdits(session, doc, count, checkDelayMs) {
  const spot = doc.positions.relSlugs[0];
  const raw = [];
  let diagnosticsWhileBroken = 0;
  const cpuBefore = session.cpuMs();
  for (let i = 0; i < count; i++) {
    const breaking = i % 2 === 0;
    const range = breaking ? { start: spot.end, end: spot.end } : { start: spot.end, end: { line: spot.end.line, character: spot.end.character + 1 } };
    const version = session.versions.get(doc.uri) + 1;
    const published = session.nextDiagnostics(doc.uri, version, DIAGNOSTICS_TIMEOUT_MS);
    const start = process.hrtime.bigint();
    await session.change(doc.uri, range, breaking ? 'x' : '');
    const { params } = await published;
    raw.push(msSince(start));
    if (breaking && params.diagnostics.some((d) => d.range.start.line === spot.start.line)) diagnosticsWhileBroken++;
  }
  return {
    edits: count,
    editedLine: spot.start.line,
    rawMs: summarize(raw),
    minusDebounceMs: summarize(raw.map((ms) => ms - checkDelayMs)),
    debounceMs: checkDelayMs,
    // Load-independent: the server's CPU per edit (apply the change, re-parse, re-index, check, publish).
    serverCpuMsPerEdit: cpuPer(cpuBefore, session.cpuMs(), count),
    brokenSlugReported: `${diagnosticsWhileBroken}/${Math.ceil(count / 2)}`,
  };
}

/** prepareRename and rename at the slug declaration of the target file (opened first); the first rename is cold. */
async function timeRename(session, target) {
  const uri = fileUri(target.file);
  if (!session.texts.has(uri)) {
    const first = session.nextDiagnostics(uri, 1, DIAGNOSTICS_TIMEOUT_MS);
    await session.open(target.file);
    await first;
  }
  const declaration = positionsIn(fs.readFileSync(target.file, 'utf8')).declaration;
  const params = { textDocument: { uri }, position: declaration.middle };
  const prepare = await session.timed(PrepareRenameRequest.type, params, REQUEST_TIMEOUT_MS, 'prepareRename');
  const times = [];
  let edit;
  for (let i = 0; i < RENAME_RUNS; i++) {
    const renamed = await session.timed(RenameRequest.type, { ...params, newName: `${target.slug}-renamed` }, REQUEST_TIMEOUT_MS * 4, 'rename');
    times.push(renamed.ms);
    edit = renamed.result;
  }
  const { files, edits } = countEdits(edit);
  return {
    slug: target.slug,
    linkingFiles: target.linkingFiles,
    prepareMs: round(prepare.ms),
    coldMs: round(times[0]),
    warmMs: summarize(times.slice(1)),
    filesEdited: files,
    textEdits: edits,
  };
}

function countEdits(edit) {
  if (!edit) return { files: 0, edits: 0 };
  if (edit.documentChanges) {
    const textEdits = edit.documentChanges.filter((c) => c.textDocument);
    return { files: new Set(textEdits.map((c) => c.textDocument.uri)).size, edits: textEdits.reduce((n, c) => n + c.edits.length, 0) };
  }
  const changes = Object.values(edit.changes ?? {});
  return { files: changes.length, edits: changes.reduce((n, list) => n + list.length, 0) };
}

const round = (x) => Math.round(x * 10) / 10;

/** CPU ms per operation from two /proc readings (10 ms ticks: meaningful over many operations). */
function cpuPer(before, after, count) {
  if (before === undefined || after === undefined || count === 0) return null;
  return Math.round(((after - before) / count) * 100) / 100;
}
