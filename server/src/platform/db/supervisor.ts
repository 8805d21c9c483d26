import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logger';
import { startFerretDB, type EmbeddedDatabase } from './ferretdbProcess';

/** Waits before each restart attempt; the last one repeats. */
const BACKOFF_MS = [100, 250, 500, 1000, 2000, 4000];
/** Running this long resets the backoff. */
const STABLE_MS = 10_000;

export interface SupervisedDatabase extends EmbeddedDatabase {
  /** Restarts so far (for health and tests). */
  restarts(): number;
  /** Called with false when the process dies and true once a restart is ready. */
  onAvailability(listener: (up: boolean) => void): void;
}

/**
 * The embedded FerretDB, restarted with backoff whenever it dies (a crash, kill -9, OOM), on
 * the same port and data directory: mongoose's pool reconnects by itself, and the collab
 * write queue's retries then store everything that waited.
 */
export async function superviseFerretDB(binary: string, dataDir: string, logger: Logger): Promise<SupervisedDatabase> {
  let current = await startFerretDB(binary, dataDir);
  const port = Number(new URL(current.uri).port);
  const listeners: Array<(up: boolean) => void> = [];
  let stopping = false;
  let restarts = 0;
  let failures = 0;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;

  const notify = (up: boolean) => listeners.forEach((l) => l(up));

  const watch = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_MS) failures = 0;
      logger.error({ code, signal }, 'embedded database exited; restarting it');
      notify(false);
      schedule();
    });
  };

  const schedule = () => {
    const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
    failures += 1;
    timer = setTimeout(() => void restart(), delay);
    timer.unref();
  };

  const restart = async () => {
    if (stopping) return;
    try {
      current = await startFerretDB(binary, dataDir, port);
      if (stopping) return void current.stop();
      restarts += 1;
      startedAt = Date.now();
      watch(current.process);
      logger.info({ restarts }, 'embedded database restarted');
      notify(true);
    } catch (err) {
      logger.error({ err }, 'embedded database restart failed; trying again');
      schedule();
    }
  };

  watch(current.process);
  return {
    uri: current.uri,
    get process() {
      return current.process;
    },
    restarts: () => restarts,
    onAvailability: (listener) => void listeners.push(listener),
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current.stop();
    },
  };
}
