import type { StartedWorker } from './checkRunner';
import { runCli } from './cli';

/** The `commons-patterns` process: bin/commons-patterns.js calls this, with any check worker it started. */
export function main(started: readonly StartedWorker[] = []): void {
  // Piping into `head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`commons-patterns: ${line}\n`),
    startedWorkers: started,
  }).then((status) => {
    process.exitCode = status;
    // Out as soon as the output is written: letting Node tear down a heap of a few hundred MB first
    // adds ~25 ms to a `check` of a large library.
    process.stdout.write('', () => process.exit(status));
  });
}
