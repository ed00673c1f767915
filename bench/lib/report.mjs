// The readable tables bench/run.mjs prints (and docs/benchmarks.md copies).

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const n = (x, digits = 0) => (x === null || x === undefined ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const lat = (s) => (s ? `${n(s.p50, 1)} / ${n(s.p95, 1)} / ${n(s.p99, 1)}` : '–');

export function formatReport(results) {
  const out = [];
  const m = results.machine;
  out.push(`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`);
  out.push(`Load average at start: ${results.loadAverage.start.join(' / ')}; at end: ${results.loadAverage.end.join(' / ')}`);
  if (results.missingRealLibrary) out.push(`!! The real library was not found at ${results.missingRealLibrary}: synthetic libraries only, real-library targets NOT measured.`);
  out.push('');
  out.push('commons-patterns check --format json (median of runs; the floor reads every file and js-yaml-parses its frontmatter on one thread)');
  out.push(table(['corpus', 'files', 'runs', 'check wall', 'check CPU', 'check peak RSS', 'floor wall', 'floor CPU', 'check ÷ floor (wall)', 'check ÷ floor (CPU)'],
    results.corpora.filter((c) => c.check).map((c) => {
      const k = c.check;
      const floor = [`${n(k.floor.wallMsMedian)} ms`, `${n(k.floor.cpuMsMedian)} ms`];
      if (!k.check) return [c.name, n(c.files), 0, `> ${n(k.timedOutAfterMs)} ms (timed out)`, '–', '–', ...floor, `> ${n(k.timedOutAfterMs / k.floor.wallMsMedian, 0)}×`, '–'];
      return [c.name, n(k.files), k.runs, `${n(k.check.wallMsMedian)} ms`, `${n(k.check.cpuMsMedian)} ms`, `${n(k.check.peakRssMiBMedian)} MiB`,
        ...floor, `${n(k.ratioToFloor, 2)}×`, `${n(k.check.cpuMsMedian / k.floor.cpuMsMedian, 1)}×`];
    })));
  out.push('(CPU = user + system time of all threads; with 2 cores, check wall time cannot go below check CPU ÷ 2.)');
  out.push('');
  const servers = results.corpora.filter((c) => c.server);
  out.push('Language server over stdio (latency p50 / p95 / p99 in ms, as the client sees it)');
  out.push(table(['corpus', 'init → ready', 'server CPU at ready', 'RSS after index', 'completion', 'hover', 'definition', 'edit → diagnostics (raw)', `edit → diag. − ${results.debounceMs} ms`, 'rename (cold / warm p50)'],
    servers.map((c) => {
      const s = c.server;
      return [c.name, `${n(s.index.initializeToReadyMs)} ms`, s.index.serverCpuMsAtReady == null ? '–' : `${n(s.index.serverCpuMsAtReady)} ms`, `${n(s.memory.afterIndex?.rssMiB)} MiB`, lat(s.latency.completion.ms), lat(s.latency.hover.ms),
        lat(s.latency.definition.ms), lat(s.editToDiagnostics.rawMs), lat(s.editToDiagnostics.minusDebounceMs),
        s.rename ? `${n(s.rename.coldMs)} / ${n(s.rename.warmMs.p50)} ms (${s.rename.filesEdited} files)` : '–'];
    })));
  out.push('');
  out.push('Server CPU per operation (user + system ms from /proc, averaged over the measured requests; independent of machine load)');
  out.push(table(['corpus', 'completion', 'hover', 'definition', 'edit (change → diagnostics)'],
    servers.map((c) => {
      const s = c.server;
      const cpu = (x) => (x === null || x === undefined ? '–' : `${n(x, 2)} ms`);
      return [c.name, cpu(s.latency.completion.serverCpuMsPerRequest), cpu(s.latency.hover.serverCpuMsPerRequest),
        cpu(s.latency.definition.serverCpuMsPerRequest), cpu(s.editToDiagnostics.serverCpuMsPerEdit)];
    })));
  if (results.perEditCost) {
    const p = results.perEditCost;
    out.push('');
    out.push(`Per-edit cost 1,000 → 20,000 files: edit → diagnostics − debounce p50 ${n(p.editMinusDebounceP50.at1000, 1)} → ${n(p.editMinusDebounceP50.at20000, 1)} ms (${n(p.editRatio, 2)}×); ` +
      `completion p50 ${n(p.completionP50.at1000, 1)} → ${n(p.completionP50.at20000, 1)} ms (${n(p.completionRatio, 2)}×)` +
      (p.editCpu ? `; server CPU per edit ${n(p.editCpu.at1000, 2)} → ${n(p.editCpu.at20000, 2)} ms, per completion ${n(p.completionCpu.at1000, 2)} → ${n(p.completionCpu.at20000, 2)} ms` : ''));
  }
  out.push('');
  out.push('Targets');
  out.push(table(['scope', 'target', 'limit', 'measured', 'met', 'note'],
    results.targets.map((t) => [t.scope, t.what, `≤ ${n(t.limit, t.unit === '×' ? 1 : 0)} ${t.unit}`, t.measured === null ? 'not measured' : `${n(t.measured, t.unit === '×' ? 2 : t.measured >= 100 ? 0 : 1)} ${t.unit}`,
      t.met === null ? '–' : t.met ? 'yes' : `NO (${n(t.measured / t.limit, 1)}× the limit)`, t.note ?? ''])));
  return out.join('\n');
}
