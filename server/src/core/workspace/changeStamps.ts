/**
 * Per-file change stamps for pull diagnostics: a file's stamp changes whenever something its
 * diagnostics depend on changes (its own text, a file it links to, a duplicate-slug partner, the
 * settings). A client that sends back the stamp it got last time gets an "unchanged" report.
 */
export class ChangeStamps {
  private epoch = 0;
  private counter = 0;
  private readonly perUri = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  /** Marks some files as changed. */
  touch(uris: Iterable<string>): void {
    let any = false;
    for (const uri of uris) {
      this.perUri.set(uri, ++this.counter);
      any = true;
    }
    if (any) this.notify();
  }

  /** Marks every file as changed (settings, schema, a full re-index). */
  touchAll(): void {
    this.epoch++;
    this.perUri.clear();
    this.notify();
  }

  stampOf(uri: string): string {
    return `${this.epoch}.${this.perUri.get(uri) ?? 0}`;
  }

  /** Calls `listener` once, at the next change; returns a function that unsubscribes it. */
  onNextChange(listener: () => void): () => void {
    const once = () => {
      this.listeners.delete(once);
      listener();
    };
    this.listeners.add(once);
    return () => this.listeners.delete(once);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
