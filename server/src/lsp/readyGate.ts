import type { CancellationToken } from 'vscode-languageserver/node';

/**
 * Open once the workspace is indexed; closed again while a re-index runs. Requests whose answer
 * must be complete (references, rename, workspace diagnostics) wait here; the others answer from
 * what is indexed so far.
 */
export class ReadyGate {
  private ready = false;
  private waiters: Array<() => void> = [];

  get isOpen(): boolean {
    return this.ready;
  }

  close(): void {
    this.ready = false;
  }

  open(): void {
    this.ready = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves true when open, false when the token is cancelled first. */
  wait(token?: CancellationToken): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    if (token?.isCancellationRequested) return Promise.resolve(false);
    return new Promise((resolve) => {
      const subscription = token?.onCancellationRequested(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      });
      const wake = () => {
        subscription?.dispose();
        resolve(true);
      };
      this.waiters.push(wake);
    });
  }
}
