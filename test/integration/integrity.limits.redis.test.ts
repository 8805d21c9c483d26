import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginLimits } from '../../server/src/auth/loginLimits';
import { AppError } from '../../server/src/platform/errors';
import { createLimits, type Limits } from '../../server/src/platform/limits';
import { startRedis } from './collab-fixtures/redisServer';

// Two "nodes" (two limit stores) behind one load balancer share one Redis.
let redis: Awaited<ReturnType<typeof startRedis>>;
let stores: Limits[];
beforeAll(async () => {
  redis = await startRedis();
  stores = [createLimits(redis.url, pino({ level: 'silent' })), createLimits(redis.url, pino({ level: 'silent' }))];
  await Promise.all(stores.map((s) => s.ready()));
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
});

async function granted(p: Promise<void>): Promise<boolean> {
  return p.then(
    () => true,
    (err: unknown) => {
      if (err instanceof AppError && err.code === 'rate_limited') return false;
      throw err;
    },
  );
}

describe('login limits with REDIS_URL', () => {
  it('count against one budget on every node: 40 simultaneous tries over two nodes check at most 5', async () => {
    const nodes = stores.map((s) => new LoginLimits(s));
    for (let t = 0; t < 10; t++) {
      const account = `owner-${t}@example.test`;
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => granted(nodes[i % 2]!.reserve(account, `198.51.100.${t}`))));
      expect(results.filter(Boolean)).toHaveLength(5);
    }
  });
});
