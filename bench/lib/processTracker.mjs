// Remembers every child process the benchmark starts, so that all of them are killed at the end,
// also when a measurement fails or the user interrupts the run.
export class ProcessTracker {
  constructor() {
    this.children = new Set();
  }

  add(child) {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** Kills what is still running: the child's process group when it leads one (detached), else the child. */
  killAll() {
    for (const child of this.children) killChild(child);
    this.children.clear();
  }
}

export function killChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (child.spawnargs && child.detachedGroup) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}
