// Summarizes V8 .cpuprofile files (from `node --cpu-prof`): the functions with the most self time,
// the functions with the most total (inclusive) time, and self time per package / project folder.
//   node bench/summarizeProfile.mjs FILE.cpuprofile [MORE...] [--top 25] [--json]
// With several files (e.g. the main thread and the worker threads of one run) each is summarized,
// then all of them together.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A short, stable name for where a function lives: a package, a Node internal, or a path under out/. */
export function locationOf(url) {
  if (!url) return '';
  if (url.startsWith('node:')) return url;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (packageMatch) return `${packageMatch[1]}/${packageMatch[2]}`;
  const outMatch = /\/(out\/.*|bench\/.*)$/.exec(url);
  if (outMatch) return outMatch[1];
  return url.replace(/^file:\/\//, '');
}

/** The package (`yaml`, `ajv`, `js-yaml`, `node:internal`) or project folder (`out/server/src/core/rules`) of a URL. */
export function groupOf(url) {
  if (!url) return '(vm)';
  if (url.startsWith('node:')) return 'node: internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (packageMatch) return `package ${packageMatch[1]}`;
  const outMatch = /\/(out\/.*)\/[^/]+$/.exec(url);
  if (outMatch) return outMatch[1];
  return 'other';
}

/**
 * Self and total microseconds per function, and self per group, of one parsed profile; only the
 * samples taken at or after `fromMicros` (V8's monotonic clock: process.hrtime.bigint() / 1000 of
 * any process on the same machine) when it is given.
 */
export function analyzeProfile(profile, { fromMicros = -Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node) => {
    const frame = node.callFrame;
    const where = locationOf(frame.url);
    return `${frame.functionName || '(anonymous)'}${where ? ` ${where}:${frame.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  const groups = new Map();
  let sampled = 0;
  const { samples = [], timeDeltas = [] } = profile;
  let at = profile.startTime ?? 0;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (at < fromMicros) continue;
    // A sample lasts until the next one is taken.
    const micros = i + 1 < timeDeltas.length ? Math.max(0, timeDeltas[i + 1]) : 0;
    const node = nodes.get(samples[i]);
    if (!node) continue;
    sampled += micros;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + micros);
    const group = node.callFrame.url ? groupOf(node.callFrame.url) : node.callFrame.functionName;
    groups.set(group, (groups.get(group) ?? 0) + micros);
    // Inclusive time: every distinct function on the stack, once (recursion is not counted twice).
    const seen = new Set();
    for (let id = node.id, steps = 0; id !== undefined && steps < 10_000; id = parent.get(id), steps++) {
      const frameKey = keyOf(nodes.get(id));
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      total.set(frameKey, (total.get(frameKey) ?? 0) + micros);
    }
  }
  return { sampledMicros: sampled, self, total, groups };
}

function merge(analyses) {
  const sum = (maps) => {
    const out = new Map();
    for (const map of maps) for (const [key, value] of map) out.set(key, (out.get(key) ?? 0) + value);
    return out;
  };
  return {
    sampledMicros: analyses.reduce((n, a) => n + a.sampledMicros, 0),
    self: sum(analyses.map((a) => a.self)),
    total: sum(analyses.map((a) => a.total)),
    groups: sum(analyses.map((a) => a.groups)),
  };
}

const IDLE = new Set(['(idle)', '(root)']);

/** Top entries as plain data: [{ name, ms, percent }] (percent of the busy time: sampled minus idle). */
export function topEntries(analysis, which, top) {
  const busy = analysis.sampledMicros - [...analysis.self].filter(([k]) => IDLE.has(k)).reduce((n, [, v]) => n + v, 0);
  return [...analysis[which]]
    .filter(([key]) => !IDLE.has(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, ms: Math.round(micros / 100) / 10, percent: Math.round((micros / Math.max(1, busy)) * 1000) / 10 }));
}

export function summarize(analysis, top) {
  const idle = [...analysis.self].filter(([k]) => IDLE.has(k)).reduce((n, [, v]) => n + v, 0);
  return {
    sampledMs: Math.round(analysis.sampledMicros / 1000),
    busyMs: Math.round((analysis.sampledMicros - idle) / 1000),
    self: topEntries(analysis, 'self', top),
    total: topEntries(analysis, 'total', top),
    groups: topEntries(analysis, 'groups', top),
  };
}

function print(title, summary) {
  const rows = (list) => list.map((e) => `  ${String(e.ms).padStart(9)} ms ${String(e.percent).padStart(5)}%  ${e.name}`).join('\n');
  console.log(`\n### ${title}: ${summary.busyMs} ms busy of ${summary.sampledMs} ms sampled`);
  console.log(`self time by package / folder:\n${rows(summary.groups)}`);
  console.log(`self time by function:\n${rows(summary.self)}`);
  console.log(`total (inclusive) time by function:\n${rows(summary.total)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const files = args.filter((a, i) => a.endsWith('.cpuprofile') && i !== topAt + 1);
  if (files.length === 0 || !Number.isInteger(top) || top <= 0) {
    console.error('usage: node bench/summarizeProfile.mjs FILE.cpuprofile [MORE...] [--top 25] [--json]');
    process.exit(2);
  }
  const analyses = files.map((file) => analyzeProfile(JSON.parse(fs.readFileSync(file, 'utf8'))));
  const summaries = files.map((file, i) => ({ file, ...summarize(analyses[i], top) }));
  if (files.length > 1) summaries.push({ file: 'all threads together', ...summarize(merge(analyses), top) });
  if (json) console.log(JSON.stringify(summaries, null, 2));
  else for (const s of summaries) print(s.file, s);
}
