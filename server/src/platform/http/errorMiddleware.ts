import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { AppError } from '../errors';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** Turns anything thrown into `{"error":{"code","message"}}`; internals stay in the log. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logger.error({ err, path: req.path }, 'request failed');
    else logger.debug({ code: appError.code, path: req.path }, appError.message);
    if (res.headersSent) return;
    res.status(appError.status).json({ error: { code: appError.code, message: appError.message } });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as BodyParserError;
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (e?.type === 'entity.parse.failed') return new AppError('malformed_json', 'The request body is not valid JSON.');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported')
    return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
  if (e?.name === 'MongoServerSelectionError' || e?.name === 'MongoNetworkError')
    return new AppError('unavailable', 'The database is unavailable; try again shortly.');
  return new AppError('internal', 'Something went wrong on our side.');
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'No such route.'));
};
