/**
 * A fixed-window counter per key, in memory: enough for failed-login limits on one node.
 * (With several nodes each keeps its own window; see docs/scaling.md.)
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweep = setInterval(() => this.prune(), Math.min(windowMs, 60_000));
    this.sweep.unref();
  }

  /** True while the key is under its limit. */
  allowed(key: string): boolean {
    const entry = this.hits.get(key);
    return !entry || entry.resetAt <= this.now() || entry.count < this.limit;
  }

  hit(key: string): void {
    const now = this.now();
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count += 1;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Seconds until the key's window ends (for Retry-After). */
  retryAfter(key: string): number {
    const entry = this.hits.get(key);
    return entry ? Math.max(1, Math.ceil((entry.resetAt - this.now()) / 1000)) : 0;
  }

  close(): void {
    clearInterval(this.sweep);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
