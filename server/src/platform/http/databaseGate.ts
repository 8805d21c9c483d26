import type { RequestHandler, Response } from 'express';
import type { DatabaseAvailability } from '../db/availability';
import { AppError } from '../errors';

/** A request still unanswered this long while the database is down is answered 503 anyway. */
const DEADLINE_MS = 1500;

const refused = () => new AppError('database_unavailable', 'Storage is unavailable right now; nothing was changed. Try again shortly.');
const cutOff = () => new AppError('database_unavailable', 'Storage stopped answering during this request; try again shortly.');

/**
 * Fail fast instead of hanging: while the database does not answer, API requests get
 * 503 `database_unavailable` at once; requests in flight when it stops are answered the
 * moment that is known (the availability monitor's change, re-checked 1.5 s into each
 * request). A query that still finishes later has its answer dropped.
 */
export function databaseGate(availability: DatabaseAvailability): { handler: RequestHandler; close(): void } {
  const pending = new Set<Response>();
  const answer = (res: Response) => {
    if (res.headersSent) return;
    const err = cutOff();
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
  };
  const off = availability.onChange((up) => {
    if (!up) for (const res of pending) answer(res);
  });
  const handler: RequestHandler = (_req, res, next) => {
    if (!availability.isUp()) return next(refused());
    pending.add(res);
    const timer = setTimeout(() => {
      if (!availability.isUp()) answer(res);
    }, DEADLINE_MS);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
      pending.delete(res);
    });
    next();
  };
  return { handler, close: off };
}
