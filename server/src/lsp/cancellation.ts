import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/**
 * The answer to a request the client cancelled: LSP's RequestCancelled (-32800). Clients drop it
 * quietly (vscode-languageclient returns its default value for a cancelled request).
 */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw requestCancelled();
}

/**
 * Lets the connection read what the client sent meanwhile (a `$/cancelRequest` is applied to the
 * request's token as soon as it is read), then throws RequestCancelled when it was cancelled. A
 * handler that is about to do long synchronous work calls this first, and between slices of it.
 */
export async function checkpoint(token: CancellationToken): Promise<void> {
  await yieldToEventLoop();
  throwIfCancelled(token);
}

/** setImmediate runs after the poll phase, so pending input (a cancellation) is read first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `work` over items in time slices, with a checkpoint between slices: a request that must
 * parse many files stays cancellable and lets other messages through.
 */
export async function forEachInSlices<T>(items: Iterable<T>, token: CancellationToken, work: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = Date.now();
  for (const item of items) {
    if (Date.now() - sliceStart >= sliceMs) {
      await checkpoint(token);
      sliceStart = Date.now();
    }
    work(item);
  }
  throwIfCancelled(token);
}

/** Long enough to get work done, short enough that a cancellation or a keystroke waits unnoticed. */
export const SLICE_MS = 20;
