import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/**
 * Who made the request that is running now. Services emit `space:changed` / `access:changed`
 * without saying who acted; listeners that must tell others ("Sam withdrew consent") read it
 * here, synchronously inside the emit, so no service signature has to change.
 */
const actor = new AsyncLocalStorage<{ userId: string }>();

/** Mount after the session is loaded: the rest of the request runs with its user as actor. */
export const bindRequestActor: RequestHandler = (req, _res, next) => {
  if (!req.user) return next();
  actor.run({ userId: req.user.id }, next);
};

/** The user whose request caused the current code to run, or null (timers, start-up). */
export function currentActorId(): string | null {
  return actor.getStore()?.userId ?? null;
}
