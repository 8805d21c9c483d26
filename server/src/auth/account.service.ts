import { type AccountSettings, type AccountSettingsPatch, type SessionDto, type SignInNoticeDto } from '@hearth/shared/api';
import { DEFAULT_ACCOUNT_SETTINGS, IDLE_LOCK_MINUTES } from '@hearth/shared/api';
import { AppError } from '../platform/errors';
import type { HearthEvents } from '../platform/events';
import { trusted } from '../platform/db/trusted';
import { AccountSettingsModel } from './accountSettings.model';
import { atomicWrite } from '../platform/db/atomicWrite';
import { assertStrongPassword, hashPassword, verifyPassword } from './password';
import { Session } from './session.model';
import type { SessionStore } from './sessions';
import { SignInEvent } from './signInEvent.model';
import { User } from './user.model';
import { isDuplicateKey } from '../platform/db/driverValues';

/**
 * The account safety centre: sessions, password, sign-in notices and safety settings. The
 * session store announces ended sessions (`session:ended`), so their live connections close.
 */
export class AccountService {
  constructor(
    private readonly sessions: SessionStore,
    private readonly events: HearthEvents,
  ) {}

  async listSessions(userId: string, currentId: string): Promise<SessionDto[]> {
    const rows = await this.sessions.listFor(userId);
    return rows.map((r) => ({
      id: r.id,
      device: r.device,
      signedInAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastSeenAt.toISOString(),
      current: r.id === currentId,
    }));
  }

  async endSession(userId: string, id: string): Promise<void> {
    if (!(await this.sessions.destroyById(userId, id))) throw new AppError('not_found', 'No such session.');
  }

  async endOtherSessions(userId: string, currentId: string): Promise<number> {
    const ended = await this.sessions.destroyOthers(userId, currentId);
    return ended.length;
  }

  /** Checks the current password, stores the new one and signs every other device out. */
  async changePassword(userId: string, currentId: string, current: string, next: string): Promise<void> {
    const user = await User.findById(userId).lean();
    if (!user) throw new AppError('unauthenticated', 'Log in to continue.');
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError('invalid_credentials', 'Your current password is not right.');
    }
    if (current === next) throw new AppError('invalid_input', 'next: choose a password different from the current one');
    assertStrongPassword(next, [user.email, user.displayName]);
    const passwordHash = await hashPassword(next);
    await atomicWrite(User, () => User.updateOne({ _id: userId }, { $set: { passwordHash } }));
    await this.endOtherSessions(userId, currentId);
  }

  /** Sign-ins on other sessions since this session last acknowledged them, newest first. */
  async signInNotices(userId: string, currentId: string): Promise<SignInNoticeDto[]> {
    const session = await Session.findById(currentId).lean();
    if (!session) return [];
    const since = session.noticesSeenAt ?? session.createdAt;
    const rows = await SignInEvent.find({ userId, at: trusted({ $gt: since }), sessionId: trusted({ $ne: currentId }) })
      .sort({ at: -1 })
      .limit(20)
      .lean();
    return rows.map((r) => ({ at: r.at.toISOString(), device: r.device }));
  }

  async acknowledgeSignIns(currentId: string): Promise<void> {
    await atomicWrite(Session, () => Session.updateOne({ _id: currentId }, { $set: { noticesSeenAt: new Date() } }));
  }

  async settings(userId: string): Promise<AccountSettings> {
    return settingsOf(userId);
  }

  async updateSettings(userId: string, patch: AccountSettingsPatch): Promise<AccountSettings> {
    if (Object.keys(patch).length > 0) {
      await ensureSettingsRow(userId);
      await atomicWrite(AccountSettingsModel, () => AccountSettingsModel.updateOne({ _id: userId }, { $set: patch }));
    }
    const next = await settingsOf(userId);
    return next;
  }
}

/**
 * Creates the settings row once. Two first changes at the same moment would both upsert and
 * one would fail on the unique _id, so the insert is decided by the index and a duplicate is
 * fine. (Simultaneous changes of different fields can still overwrite each other on the
 * embedded database: the last change wins.)
 */
async function ensureSettingsRow(userId: string): Promise<void> {
  if (await AccountSettingsModel.exists({ _id: userId })) return;
  try {
    await AccountSettingsModel.create({ _id: userId });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

export async function settingsOf(userId: string): Promise<AccountSettings> {
  const row = await AccountSettingsModel.findById(userId).lean();
  if (!row) return { ...DEFAULT_ACCOUNT_SETTINGS };
  const idle = IDLE_LOCK_MINUTES.find((m) => m === row.idleLockMinutes) ?? 0;
  return { appearOffline: row.appearOffline === true, idleLockMinutes: idle, neutralTitle: row.neutralTitle === true };
}
