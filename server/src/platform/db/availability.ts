import mongoose from 'mongoose';

const PROBE_EVERY_MS = 500;
/**
 * A ping unanswered this long means the database is not answering (frozen, or gone without
 * a word). Long enough that a merely busy machine is not taken for a dead database.
 */
const PROBE_TIMEOUT_MS = 2500;

/**
 * Whether the database answers right now, known without waiting for the driver's 10-second
 * server selection: a failed ping, a ping unanswered for 2.5 s, or — at once — the
 * supervisor's word that the embedded process died. API requests fail fast with 503
 * `database_unavailable` while it is down.
 */
export class DatabaseAvailability {
  private up = true;
  private pingStartedAt: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(up: boolean) => void>();

  isUp(): boolean {
    if (this.pingStartedAt !== null && Date.now() - this.pingStartedAt > PROBE_TIMEOUT_MS) this.set(false);
    return this.up;
  }

  /**
   * Whether the database answers a ping within `timeoutMs` (false at once when it is known to
   * be down): asked when a request failed inside, to tell a database that just went away —
   * before the supervisor or the probe noticed — from a bug.
   */
  async answers(timeoutMs: number): Promise<boolean> {
    const db = mongoose.connection.db;
    if (!this.isUp() || !db) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([db.command({ ping: 1 }).then(() => true), late]);
    } catch {
      this.set(false);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Told by the supervisor: the embedded process died (false) or is back (true, then confirmed by a ping). */
  report(up: boolean): void {
    if (!up) this.set(false);
    else void this.probe();
  }

  onChange(listener: (up: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private users = 0;

  /** Starts probing (shared by every Hearth in the process); call the result to stop using it. */
  start(): () => void {
    this.users += 1;
    if (!this.timer) {
      this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
      this.timer.unref();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private async probe(): Promise<void> {
    if (this.pingStartedAt !== null) {
      this.isUp();
      return;
    }
    // Not connected yet: nothing to judge. A lost connection shows as a ping that fails or hangs.
    const db = mongoose.connection.db;
    if (!db) return;
    this.pingStartedAt = Date.now();
    try {
      await db.command({ ping: 1 });
      this.set(true);
    } catch {
      this.set(false);
    } finally {
      this.pingStartedAt = null;
    }
  }

  private set(up: boolean): void {
    if (up === this.up) return;
    this.up = up;
    for (const l of this.listeners) l(up);
  }
}

/** The process's one monitor (one mongoose connection per process). */
export const databaseAvailability = new DatabaseAvailability();
