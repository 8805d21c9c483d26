/**
 * Server-clock countdowns. Each state carries `serverNow`; the client keeps the smallest-lag
 * estimate of `serverNow - localNow` seen so far (a late packet only makes the offset look
 * smaller, never larger), so both partners count down to the same server deadline.
 */
export class ServerClock {
  private offset: number | null = null;

  observe(serverNow: number, localNow = Date.now()): void {
    const sample = serverNow - localNow;
    // Network delay makes a sample lag behind the truth; the largest sample is the best one.
    this.offset = this.offset === null ? sample : Math.max(this.offset, sample);
  }

  /** The server's time now, as well as this client can tell. */
  now(localNow = Date.now()): number {
    return localNow + (this.offset ?? 0);
  }

  /** Milliseconds left until a server deadline (never negative). */
  remaining(deadline: number, localNow = Date.now()): number {
    return Math.max(0, deadline - this.now(localNow));
  }
}

export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
