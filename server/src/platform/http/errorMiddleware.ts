import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { AppError } from '../errors';
import { propertyOf } from '../propertyOf';

/** How long a failed request waits for a ping before calling the database unavailable. */
const ANSWER_WITHIN_MS = 500;

/** Turns anything thrown into `{"error":{"code","message"}}`; internals stay in the log. */
export function errorMiddleware(logger: Logger, availability?: { answers(timeoutMs: number): Promise<boolean> }): ErrorRequestHandler {
  return async (err: unknown, req, res, _next) => {
    let appError = toAppError(err);
    // A query cut off by the database going away (socket ended, pool cleared …) says so, also
    // when it failed before anything noticed: a ping that fails or stays unanswered decides.
    if (appError.status >= 500 && availability && !(await availability.answers(ANSWER_WITHIN_MS))) {
      appError = new AppError('database_unavailable', 'Storage is unavailable right now; try again shortly.');
    }
    if (appError.status >= 500) logger.error({ err, path: req.path }, 'request failed');
    else logger.debug({ code: appError.code, path: req.path }, appError.message);
    if (res.headersSent) return;
    res.status(appError.status).json({ error: { code: appError.code, message: appError.message } });
  };
}

const DATABASE_GONE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongooseServerSelectionError',
]);

/** A driver error (or one it caused) that means the database went away, not a bad query. */
function databaseGone(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  if (DATABASE_GONE.has(err.name)) return true;
  const labelled = 'hasErrorLabel' in err && typeof err.hasErrorLabel === 'function' ? err.hasErrorLabel.bind(err) : null;
  if (labelled && (labelled('NetworkError') || labelled('ResetPool'))) return true;
  return databaseGone(err.cause, depth + 1);
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // body-parser marks its errors with `type`.
  const type = propertyOf(err, 'type');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (type === 'entity.parse.failed') return new AppError('malformed_json', 'The request body is not valid JSON.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
  if (databaseGone(err)) return new AppError('database_unavailable', 'Storage is unavailable right now; try again shortly.');
  return new AppError('internal', 'Something went wrong on our side.');
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'No such route.'));
};
