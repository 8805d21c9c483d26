/** How a load ended, as seen by the one consumer that asked for it. */
export type LoadOutcome<T> = { stale: true } | { stale: false; ok: true; value: T } | { stale: false; ok: false; error: unknown };

/**
 * The loads of one consumer (a screen, a hook). An answer older than one already applied is
 * `stale` (never shown over a newer one), and `cancel` (unmount, the key changed) aborts every
 * load still running, whose answers are then `stale` too. A newer load does not abort an
 * older one: a poll faster than a slow server would otherwise never show anything.
 */
export class LoadSequence {
  private controller = new AbortController();
  private started = 0;
  private applied = 0;

  async run<T>(load: (signal: AbortSignal) => Promise<T>): Promise<LoadOutcome<T>> {
    const seq = ++this.started;
    const { signal } = this.controller;
    let outcome: LoadOutcome<T>;
    try {
      outcome = { stale: false, ok: true, value: await load(signal) };
    } catch (error) {
      outcome = { stale: false, ok: false, error };
    }
    if (signal.aborted || seq < this.applied) return { stale: true };
    this.applied = seq;
    return outcome;
  }

  cancel(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}
