import { ResponseError, type Connection } from 'vscode-languageserver/node';

/**
 * Wraps a handler so that a bug in a feature never takes the server down or fails the request:
 * the exception is logged (with the request's name) and the editor gets the fallback answer.
 * A ResponseError is a deliberate answer (e.g. "that slug is taken") and passes through.
 */
export function guard<P extends unknown[], R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (...params: P) => R | Promise<R>,
): (...params: P) => Promise<R> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(connection, name, error);
      return fallback;
    }
  };
}

/** The same for notifications, which have no answer. */
export function guardNotification<P extends unknown[]>(
  connection: Connection,
  name: string,
  handler: (...params: P) => void | Promise<void>,
): (...params: P) => void {
  return (...params: P) => {
    try {
      const result = handler(...params);
      if (result instanceof Promise) result.catch((error: unknown) => logError(connection, name, error));
    } catch (error) {
      logError(connection, name, error);
    }
  };
}

export function logError(connection: Connection, name: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  connection.console.error(`commons-patterns: ${name} failed: ${detail}`);
}
