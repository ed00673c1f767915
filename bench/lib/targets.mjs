// The targets of the benchmark issue, evaluated against a results object from bench/run.mjs.
// Each target: what it is, the limit, the measured value, and whether it is met (null: not measured).

/** Per-edit cost counts as flat when the 20,000-file figure is within this factor of the 1,000-file one. */
export const FLAT_FACTOR = 1.5;

export function evaluateTargets(results) {
  const real = results.corpora.find((c) => c.kind === 'real');
  const big = results.corpora.find((c) => c.kind === 'synthetic' && c.count === 20000);
  const targets = [];
  const add = (scope, what, limit, measured, unit, note) => targets.push({
    scope, what, limit, unit, measured: measured ?? null, met: measured === undefined || measured === null ? null : measured <= limit, note,
  });
  add('real library', '`check` wall time (median)', 1500, real?.check?.check.wallMsMedian, 'ms');
  add('real library', '`check` ÷ floor', 2, real?.check?.ratioToFloor, '×');
  add('real library', 'server initialize → index ready', 1500, real?.server?.index.initializeToReadyMs, 'ms');
  add('20,000 files', 'server initialize → index ready', 6000, big?.server?.index.initializeToReadyMs, 'ms');
  add('20,000 files', 'completion p95', 10, big?.server?.latency.completion.ms.p95, 'ms');
  add('20,000 files', 'hover p95', 10, big?.server?.latency.hover.ms.p95, 'ms');
  add('20,000 files', 'edit → diagnostics p95, minus the debounce', 50, big?.server?.editToDiagnostics.minusDebounceMs.p95, 'ms',
    big?.server ? `raw p95 ${big.server.editToDiagnostics.rawMs.p95} ms includes the server's deliberate ${big.server.editToDiagnostics.debounceMs} ms debounce` : undefined);
  add('20,000 files', 'server RSS after indexing', 300, big?.server?.memory.afterIndex?.rssMiB, 'MiB',
    big?.server?.memory.afterRequests ? `after all requests: ${big.server.memory.afterRequests.rssMiB} MiB (peak ${big.server.memory.afterRequests.peakRssMiB} MiB)` : undefined);
  const flat = results.perEditCost;
  add('1,000 → 20,000 files', 'edit → diagnostics (minus debounce) p50 ratio', FLAT_FACTOR, flat?.editRatio, '×', `flat = within ${FLAT_FACTOR}×`);
  add('1,000 → 20,000 files', 'completion p50 ratio', FLAT_FACTOR, flat?.completionRatio, '×', `flat = within ${FLAT_FACTOR}×`);
  return targets;
}

/** Per-edit cost at 1,000 vs 20,000 files (undefined unless both sizes ran the server measures). */
export function perEditCost(corpora) {
  const at = (n) => corpora.find((c) => c.kind === 'synthetic' && c.count === n)?.server;
  const small = at(1000);
  const big = at(20000);
  if (!small || !big) return undefined;
  const ratio = (a, b) => Math.round((b / a) * 100) / 100;
  return {
    editMinusDebounceP50: { at1000: small.editToDiagnostics.minusDebounceMs.p50, at20000: big.editToDiagnostics.minusDebounceMs.p50 },
    completionP50: { at1000: small.latency.completion.ms.p50, at20000: big.latency.completion.ms.p50 },
    editCpu: small.editToDiagnostics.serverCpuMsPerEdit == null ? undefined : { at1000: small.editToDiagnostics.serverCpuMsPerEdit, at20000: big.editToDiagnostics.serverCpuMsPerEdit },
    completionCpu: small.latency.completion.serverCpuMsPerRequest == null ? undefined : { at1000: small.latency.completion.serverCpuMsPerRequest, at20000: big.latency.completion.serverCpuMsPerRequest },
    editRatio: ratio(small.editToDiagnostics.minusDebounceMs.p50, big.editToDiagnostics.minusDebounceMs.p50),
    completionRatio: ratio(small.latency.completion.ms.p50, big.latency.completion.ms.p50),
  };
}
