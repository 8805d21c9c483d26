import { createHmac, randomBytes } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import type { Response } from 'express';
import { atomicWrite } from '../platform/db/atomicWrite';
import { trusted } from '../platform/db/trusted';
import { Session } from './session.model';

export const SESSION_COOKIE = 'hearth_session';
const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export interface SessionConfig {
  secret: string;
  secureCookies: boolean;
}

export class SessionStore {
  constructor(private readonly config: SessionConfig) {}

  private idOf(token: string): string {
    return createHmac('sha256', this.config.secret).update(token).digest('hex');
  }

  /** A fresh token at every login (the session id is never reused across logins). */
  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await Session.create({ _id: this.idOf(token), userId, expiresAt, lastSeenAt: now });
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

  async sweepExpired(): Promise<number> {
    const result = await Session.deleteMany({ expiresAt: trusted({ $lte: new Date() }) });
    return result.deletedCount;
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
