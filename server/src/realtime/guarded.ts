import type { Logger } from '../platform/logger';

/** What a guarded handler answers when it failed, to clients that asked for an answer. */
export const FAILED_REPLY = { ok: false, error: { code: 'internal', message: 'Something went wrong; try again.' } } as const;

/**
 * Wraps an async Socket.io handler: a rejection is logged and, when the client passed an
 * acknowledgement callback (the last argument), answered with `FAILED_REPLY` — never left
 * unhandled. Socket.io sends at most one answer, so a handler that already replied keeps it.
 */
export function guarded<Args extends unknown[]>(
  logger: Logger,
  event: string,
  handler: (...args: Args) => Promise<unknown>,
): (...args: Args) => void {
  return (...args) => {
    handler(...args).catch((err: unknown) => {
      logger.error({ err, event }, 'socket event failed');
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(FAILED_REPLY);
    });
  };
}

/** Runs a fire-and-forget socket step (a room join or leave, which may be async) with its failure logged. */
export function logFailure(logger: Logger, what: string, step: Promise<unknown> | void): void {
  Promise.resolve(step).catch((err: unknown) => logger.warn({ err }, `${what} failed`));
}
