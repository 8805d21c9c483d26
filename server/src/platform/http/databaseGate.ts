import type { RequestHandler } from 'express';
import type { DatabaseAvailability } from '../db/availability';
import { AppError } from '../errors';

/** A request still unanswered this long while the database is down is answered 503 anyway. */
const DEADLINE_MS = 1900;

const unavailable = () => new AppError('database_unavailable', 'Storage is unavailable right now; nothing was changed. Try again shortly.');

/**
 * Fail fast instead of hanging: while the database does not answer, API requests get
 * 503 `database_unavailable` at once; one that started just before it stopped is answered
 * within two seconds (its own query may still finish later; that answer is dropped).
 */
export function databaseGate(availability: DatabaseAvailability): RequestHandler {
  return (_req, res, next) => {
    if (!availability.isUp()) return next(unavailable());
    const timer = setTimeout(() => {
      if (res.headersSent || availability.isUp()) return;
      const err = unavailable();
      res.status(err.status).json({ error: { code: err.code, message: err.message } });
    }, DEADLINE_MS);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
