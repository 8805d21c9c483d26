/** How a load ended, as seen by the one consumer that asked for it. */
export type LoadOutcome<T> = { stale: true } | { stale: false; ok: true; value: T } | { stale: false; ok: false; error: unknown };

/**
 * Loads for one consumer (a screen, a hook), latest first: starting a load aborts the one
 * still running, and `cancel` (unmount, the key changed) aborts it too. A load that was
 * superseded or cancelled comes back `stale`, whatever it resolved to, so its result is never
 * shown in place of a newer one or after the screen is gone.
 */
export class LatestRequest {
  private controller: AbortController | null = null;

  async run<T>(load: (signal: AbortSignal) => Promise<T>): Promise<LoadOutcome<T>> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let outcome: LoadOutcome<T>;
    try {
      outcome = { stale: false, ok: true, value: await load(controller.signal) };
    } catch (error) {
      outcome = { stale: false, ok: false, error };
    }
    if (controller.signal.aborted) return { stale: true };
    if (this.controller === controller) this.controller = null;
    return outcome;
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
