import { Router } from 'express';
import mongoose from 'mongoose';
import type { DatabaseAvailability } from '../platform/db/availability';

/** Pings the database with a short deadline; a slow or absent database reads as down. */
export async function databaseHealthy(timeoutMs = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  const ok = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return ok;
}

/**
 * `writesHealthy`: false while the real-time server cannot store updates. Answers at once
 * (503, `db: "down"`) while the availability monitor knows the database is down.
 */
export function healthRoutes(writesHealthy: () => boolean = () => true, availability?: DatabaseAvailability): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const reachable = availability ? availability.isUp() && (await databaseHealthy(1500)) : await databaseHealthy();
    const ok = reachable && writesHealthy();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', db: ok ? 'ok' : 'down' });
  });
  return router;
}
