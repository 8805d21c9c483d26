import type { RequestHandler } from 'express';
import { AppError } from '../errors';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF guard: a mutating request that names an Origin must come from Hearth's own origin.
 * Browsers always send Origin on cross-site POSTs, so a missing one means a non-browser client.
 */
export function originGuard(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (MUTATING.has(req.method) && origin !== undefined && !allowedOrigins.includes(origin)) {
      next(new AppError('bad_origin', 'Requests from another site are not accepted.'));
      return;
    }
    next();
  };
}

/** JSON routes take JSON only: a body with another content type is a 415, not silently empty. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (MUTATING.has(req.method) && hasBody && !req.is('application/json')) {
    next(new AppError('unsupported_media_type', 'Send the body as application/json.'));
    return;
  }
  next();
};
