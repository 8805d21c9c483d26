import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { AppError } from './errors';
import type { Logger } from './logger';

export interface LimitSpec {
  /** Names the limit; keys of different limits never collide. */
  name: string;
  points: number;
  durationSec: number;
}

/**
 * Hearth's one way to limit attempts (rate-limiter-flexible): in memory on one node, in
 * Redis when `REDIS_URL` is set so every node counts against the same limit. Each Redis
 * limiter keeps an in-memory "insurance" limiter that takes over while Redis is unreachable.
 */
export interface Limits {
  create(spec: LimitSpec): RateLimiterAbstract;
  /** Resolves once Redis is connected (at once without Redis); until then each node counts alone. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createLimits(redisUrl: string | undefined, logger: Logger): Limits {
  if (!redisUrl) {
    return {
      create: (s) => new RateLimiterMemory({ keyPrefix: s.name, points: s.points, duration: s.durationSec }),
      ready: async () => {},
      close: async () => {},
    };
  }
  const client = createClient({ url: redisUrl, disableOfflineQueue: true });
  client.on('error', (err) => logger.warn({ err }, 'rate limits: redis error'));
  const connected = client.connect().then(
    () => undefined,
    (err: unknown) => logger.warn({ err }, 'rate limits: redis unavailable'),
  );
  return {
    ready: () => connected,
    create: (s) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        keyPrefix: `hearth:limit:${s.name}`,
        points: s.points,
        duration: s.durationSec,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: s.name, points: s.points, duration: s.durationSec }),
      }),
    async close() {
      await connected;
      await client.close().catch(() => undefined);
    },
  };
}

/** Takes points from a limit; refused → `rate_limited` saying when to try again. */
export async function take(limiter: RateLimiterAbstract, key: string, what: string, points = 1): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    throw tooMany(what, err.msBeforeNext);
  }
}

export function tooMany(what: string, msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError('rate_limited', `${what} Try again in ${wait}.`);
}
