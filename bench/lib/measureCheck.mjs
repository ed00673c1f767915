// `commons-patterns check --format json` against the floor (bench/floor.mjs), run alternately so
// that both see the same machine load; medians over `runs` runs of each.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAverage } from './machine.mjs';
import { median } from './stats.mjs';
import { runNodeTimed } from './timedProcess.mjs';

export async function measureCheck({ repoRoot, corpus, runs, tracker, timeoutMs, log }) {
  const cli = path.join(repoRoot, 'bin', 'commons-patterns.js');
  const floorScript = path.join(repoRoot, 'bench', 'floor.mjs');
  const outFile = path.join(os.tmpdir(), `commons-patterns-bench-${process.pid}-check.json`);
  const checks = [];
  const floors = [];
  const loadBefore = loadAverage();
  let report;
  let timedOutAfterMs;
  try {
    for (let run = 0; run < runs; run++) {
      const floor = await runNodeTimed(floorScript, [corpus], { tracker, timeoutMs, stdoutFile: outFile });
      if (floor.exitCode !== 0) throw new Error(`the floor failed (exit ${floor.exitCode}): ${floor.stderr}`);
      floors.push({ ...floor, result: JSON.parse(fs.readFileSync(outFile, 'utf8')) });
      let check;
      try {
        check = await runNodeTimed(cli, ['check', '--format', 'json', '--root', corpus, corpus], { tracker, timeoutMs, stdoutFile: outFile, cwd: corpus });
      } catch (error) {
        if (!error.timedOut) throw error;
        // Too slow to wait for: say so in the results instead of losing the rest of the benchmark.
        log(`    run ${run + 1}/${runs}: check did not finish within ${ms(timeoutMs)}; no further runs (floor ${ms(floor.wallMs)})`);
        timedOutAfterMs = timeoutMs;
        break;
      }
      // 1 means "there are errors in the library", which the real library has: still a complete run.
      if (check.exitCode !== 0 && check.exitCode !== 1) throw new Error(`check failed (exit ${check.exitCode}): ${check.stderr}`);
      report = JSON.parse(fs.readFileSync(outFile, 'utf8'));
      checks.push(check);
      log(`    run ${run + 1}/${runs}: check ${ms(check.wallMs)} (cpu ${ms((check.userS + check.sysS) * 1000)}, ${check.maxRssMiB} MiB), floor ${ms(floor.wallMs)}`);
    }
  } finally {
    fs.rmSync(outFile, { force: true });
  }
  const floorWall = median(floors.map((f) => f.wallMs));
  const checkWall = checks.length ? median(checks.map((c) => c.wallMs)) : undefined;
  return {
    runs: checks.length,
    files: report?.files ?? null,
    patterns: report?.patterns ?? null,
    diagnostics: report ? report.diagnostics.length : null,
    ...(timedOutAfterMs ? { timedOutAfterMs } : {}),
    check: checks.length ? summary(checks) : null,
    floor: { ...summary(floors), parsed: floors[0].result.parsed, failedToParse: floors[0].result.failed, inProcessMsMedian: round(median(floors.map((f) => f.result.ms))) },
    ratioToFloor: checkWall === undefined ? null : Math.round((checkWall / floorWall) * 100) / 100,
    loadAverage: { before: loadBefore, after: loadAverage() },
  };
}

function summary(samples) {
  return {
    wallMsMedian: round(median(samples.map((s) => s.wallMs))),
    wallMsAll: samples.map((s) => round(s.wallMs)),
    cpuMsMedian: round(median(samples.map((s) => (s.userS + s.sysS) * 1000))),
    peakRssMiBMedian: median(samples.map((s) => s.maxRssMiB)),
  };
}

const round = (x) => Math.round(x * 10) / 10;
const ms = (x) => `${Math.round(x)} ms`;
