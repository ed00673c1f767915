/**
 * Runs a task per key after a quiet period: a burst of edits to one document (or a burst of file
 * events touching its dependents) leads to one check, not one per keystroke.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly run: (key: string) => void) {}

  schedule(key: string, delayMs: number): void {
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.run(key);
    }, delayMs));
  }

  cancel(key: string): void {
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
