import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { take, type Limits } from '../platform/limits';

/** Failed checks allowed per account before each further one is spaced out. */
export const FREE_FAILURES = 5;
/** The longest wait the progressive delay imposes: the real owner is never locked out for long. */
export const MAX_DELAY_SEC = 60;

/**
 * Login protection that holds under concurrency and slows guessing down instead of locking
 * the owner out: a slot per account and per IP is taken BEFORE the password is checked (so
 * 40 simultaneous tries cannot all be checked), failures over the last hour make each next
 * attempt wait 1, 2, 4 … up to 60 seconds, and a successful login clears the account's count.
 */
export class LoginLimits {
  private readonly accountSlots: RateLimiterAbstract;
  private readonly ipSlots: RateLimiterAbstract;
  private readonly accountFailures: RateLimiterAbstract;

  constructor(limits: Limits, opts: { windowSec?: number } = {}) {
    const windowSec = opts.windowSec ?? 60;
    this.accountSlots = limits.create({ name: 'login-account', points: FREE_FAILURES, durationSec: windowSec });
    this.ipSlots = limits.create({ name: 'login-ip', points: 30, durationSec: windowSec });
    this.accountFailures = limits.create({ name: 'login-failures', points: 10_000, durationSec: 3600 });
  }

  /** Reserves one check for this account and address, or throws `rate_limited`. */
  async reserve(account: string, ip: string): Promise<void> {
    await take(this.ipSlots, ip, 'Too many login attempts from this address.');
    await take(this.accountSlots, account, 'Too many attempts for this account.');
  }

  async failed(account: string): Promise<void> {
    const res = await this.accountFailures.penalty(account, 1);
    const over = res.consumedPoints - FREE_FAILURES;
    if (over > 0) await this.accountSlots.block(account, Math.min(2 ** (over - 1), MAX_DELAY_SEC));
  }

  async succeeded(account: string, ip: string): Promise<void> {
    await Promise.all([this.accountSlots.delete(account), this.accountFailures.delete(account), this.ipSlots.reward(ip, 1)]);
  }
}
