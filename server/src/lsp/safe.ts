/**
 * The server never crashes and never leaks a user's text: every handler runs
 * inside a guard that logs a thrown error and answers empty. Logs carry
 * events, paths and timings only; error messages are logged only when the
 * JavaScript engine wrote them (a TypeError says nothing about the document),
 * since a parser's message (even JSON.parse's SyntaxError) can quote the
 * text it choked on.
 */

export interface Log {
  info(message: string): void;
  error(message: string): void;
}

export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return `non-error thrown (${typeof e})`;
  const engineWritten = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 6)
    .join('\n');
  return `${e.name}${engineWritten ? `: ${e.message}` : ''}\n${frames}`;
}

/** Runs a request handler; a thrown error is logged and the request gets `fallback`. */
export function guarded<P extends unknown[], R>(log: Log, name: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (e) {
      log.error(`${name} failed: ${describeError(e)}`);
      return fallback;
    }
  };
}

/** Fire-and-forget work (notifications, timers): errors are logged, never thrown. */
export function background(log: Log, name: string, work: () => unknown): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((e: unknown) => log.error(`${name} failed: ${describeError(e)}`));
  } catch (e) {
    log.error(`${name} failed: ${describeError(e)}`);
  }
}
