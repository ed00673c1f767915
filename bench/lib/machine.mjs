// A description of the machine a benchmark ran on, for the results file and docs/benchmarks.md.
import * as fs from 'node:fs';
import * as os from 'node:os';

function cpuModel() {
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function describeMachine() {
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The 1-, 5- and 15-minute load averages: a loaded machine (other jobs running) inflates wall times. */
export function loadAverage() {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}
