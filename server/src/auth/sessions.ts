import { createHmac, randomBytes } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import type { Response } from 'express';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import { Session } from './session.model';
import { SignInEvent } from './signInEvent.model';

export interface SessionRow {
  id: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export const SESSION_COOKIE = 'hearth_session';
const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export interface SessionConfig {
  secret: string;
  secureCookies: boolean;
}

export class SessionStore {
  constructor(private readonly config: SessionConfig) {}

  /** The stored id of a session: an HMAC of its token, so it can be listed but never replayed. */
  idOf(token: string): string {
    return createHmac('sha256', this.config.secret).update(token).digest('hex');
  }

  /**
   * The key that encrypts this session's device copy. Derived from the token, never stored:
   * only someone holding the live session gets it, and a new login gives a new key.
   */
  deviceKeyOf(token: string): string {
    return createHmac('sha256', this.config.secret).update(`device-key\0${token}`).digest('base64url');
  }

  /** A fresh token at every login (the session id is never reused across logins); the sign-in is noted for the owner. */
  async create(userId: string, device = 'Unknown device'): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    const id = this.idOf(token);
    await Session.create({ _id: id, userId, expiresAt, lastSeenAt: now, device });
    await SignInEvent.create({ userId, sessionId: id, device, at: now });
    return { token, expiresAt };
  }

  /** The user id behind a token, or null for an unknown or expired session. */
  async resolve(token: string): Promise<string | null> {
    const now = new Date();
    const session = await Session.findOne({ _id: this.idOf(token), expiresAt: trusted({ $gt: now }) }).lean();
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await atomicWrite(Session, () => Session.updateOne({ _id: session._id }, { $set: { lastSeenAt: now, expiresAt } }));
    }
    return session.userId.toString();
  }

  async destroy(token: string): Promise<void> {
    await Session.deleteOne({ _id: this.idOf(token) });
  }

  async destroyAllFor(userId: string): Promise<void> {
    await Session.deleteMany({ userId });
  }

  /** Live sessions of a user, most recently used first. */
  async listFor(userId: string): Promise<SessionRow[]> {
    const rows = await Session.find({ userId, expiresAt: trusted({ $gt: new Date() }) })
      .sort({ lastSeenAt: -1 })
      .lean();
    return rows.map((r) => ({ id: r._id, device: r.device ?? 'Unknown device', createdAt: r.createdAt, lastSeenAt: r.lastSeenAt }));
  }

  /** Ends one session of this user; false when it is not theirs or already gone. */
  async destroyById(userId: string, id: string): Promise<boolean> {
    const res = await Session.deleteOne({ _id: id, userId });
    return res.deletedCount === 1;
  }

  /** Ends every session of the user except `keepId`; returns the ids ended. */
  async destroyOthers(userId: string, keepId: string): Promise<string[]> {
    const others = await Session.find({ userId, _id: trusted({ $ne: keepId }) }, { _id: 1 }).lean();
    const ids = others.map((o) => o._id);
    if (ids.length) await Session.deleteMany({ userId, _id: trusted({ $in: ids }) });
    return ids;
  }

  /** Deletes the sessions past their expiry; returns which ones (their connections close). */
  async sweepExpired(): Promise<Array<{ id: string; userId: string }>> {
    const expired = await Session.find({ expiresAt: trusted({ $lte: new Date() }) }, { _id: 1, userId: 1 }).lean();
    if (expired.length === 0) return [];
    await Session.deleteMany({ _id: trusted({ $in: expired.map((s) => s._id) }) });
    return expired.map((s) => ({ id: s._id, userId: s.userId.toString() }));
  }

  tokenFromCookieHeader(header: string | undefined): string | null {
    if (!header) return null;
    const token = parseCookie(header)[SESSION_COOKIE];
    return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  }

  setCookie(res: Response, token: string, expiresAt: Date): void {
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
  }

  clearCookie(res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' });
  }
}
