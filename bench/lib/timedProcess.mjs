// Runs a command to completion and measures its wall time (in this process, hrtime), CPU time and
// peak resident memory (GNU time's `%M`, or, without /usr/bin/time, process.resourceUsage() inside
// the child via bench/lib/withResourceUsage.cjs). The child's stdout goes to a file.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { killChild } from './processTracker.mjs';

const GNU_TIME = '/usr/bin/time';
const WITH_RESOURCE_USAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'withResourceUsage.cjs');

export function peakMemoryMethod() {
  return fs.existsSync(GNU_TIME) ? 'GNU time %M (max RSS of the process and its threads)' : 'process.resourceUsage().maxRSS inside the child';
}

/**
 * Runs `node script ...args` and resolves with { wallMs, userS, sysS, maxRssMiB, exitCode, stdoutFile }.
 * Rejects when it runs longer than timeoutMs (the child's whole process group is killed).
 */
export function runNodeTimed(script, args, { tracker, timeoutMs, stdoutFile, nodeArgs = [], cwd }) {
  const statsFile = path.join(os.tmpdir(), `commons-patterns-bench-${process.pid}-${Math.random().toString(36).slice(2)}.rusage`);
  const useGnuTime = fs.existsSync(GNU_TIME);
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const commandArgs = useGnuTime
    ? ['-f', '%e %U %S %M', '-o', statsFile, process.execPath, ...nodeArgs, script, ...args]
    : [...nodeArgs, WITH_RESOURCE_USAGE, statsFile, script, ...args];
  const out = fs.openSync(stdoutFile, 'w');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let child;
    try {
      child = spawn(command, commandArgs, { cwd, stdio: ['ignore', out, 'pipe'], detached: true });
    } finally {
      fs.closeSync(out);
    }
    child.detachedGroup = true;
    tracker.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      killChild(child);
      const error = new Error(`${path.basename(script)} ${args.join(' ')} took longer than ${timeoutMs} ms; killed`);
      error.timedOut = true;
      reject(error);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let stats;
      try {
        stats = parseStats(fs.readFileSync(statsFile, 'utf8'), useGnuTime);
      } catch (error) {
        reject(new Error(`no resource usage for ${path.basename(script)} (exit ${code}): ${error.message}\n${stderr}`));
        return;
      } finally {
        fs.rmSync(statsFile, { force: true });
      }
      resolve({ wallMs, ...stats, exitCode: code, stdoutFile, stderr });
    });
  });
}

function parseStats(text, gnuTime) {
  if (!gnuTime) return JSON.parse(text);
  // GNU time prints "Command exited with non-zero status N" before the format line when N != 0.
  const line = text.trim().split('\n').pop();
  const [, userS, sysS, maxRssKiB] = line.split(/\s+/).map(Number);
  if (![userS, sysS, maxRssKiB].every(Number.isFinite)) throw new Error(`unexpected GNU time output: ${text}`);
  return { userS, sysS, maxRssMiB: Math.round((maxRssKiB / 1024) * 10) / 10 };
}
