import type { Logger } from './logger';

/** The part of `process` the guards use, so a test can hand in its own emitter. */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (err: Error, origin: string) => void): unknown;
  exit(code: number): void;
}

export interface ProcessGuardOptions {
  logger: Logger;
  /**
   * Closes the server and the database, then exits with `code`; null while Hearth is still
   * starting (then the process exits at once).
   */
  shutdown: () => ((reason: string, code: number) => Promise<void>) | null;
  proc?: GuardedProcess;
}

/**
 * The process-level policy. A promise rejected with nobody listening is a bug in one request
 * or timer, not a broken process: it is logged and Hearth keeps serving the other people.
 * An uncaught exception may have left any state half-changed, so Hearth stops as cleanly as
 * it can (connections closed, database closed) and exits non-zero for the supervisor to restart.
 */
export function installProcessGuards({ logger, shutdown, proc = process }: ProcessGuardOptions): () => void {
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  };
  let failing = false;
  const onException = (err: Error, origin: string) => {
    logger.fatal({ err, origin }, 'uncaught exception; shutting down');
    const stop = shutdown();
    // A second failure while stopping, or nothing started yet: no graceful path is left.
    if (failing || !stop) {
      logger.flush();
      proc.exit(1);
      return;
    }
    failing = true;
    void stop('uncaughtException', 1);
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
