import mongoose, { Schema } from 'mongoose';
import { trusted } from '../platform/db/trusted';
import { isDuplicateKey } from '../platform/db/driverValues';

/**
 * A short lock per space, decided by a unique `_id` insert — the one write FerretDB lets
 * exactly one of many concurrent callers win (docs/database.md). Conditional updates are not
 * atomic there, so "revoke the open invite, then make a new one" runs under this lock.
 */
const lockSchema = new Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { strict: 'throw', versionKey: false },
);
const InviteLock = mongoose.model('InviteLock', lockSchema, 'invite_locks');

/** A holder that crashed leaves its row; after this long it no longer counts. */
const STALE_MS = 10_000;
const WAIT_MS = 8_000;

/** Thrown when the lock stayed taken for the whole wait. */
export class InviteLockBusy extends Error {
  constructor() {
    super('invite lock busy');
  }
}

export async function withInviteLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await InviteLock.create({ _id: key, at: new Date() });
      break;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (Date.now() > deadline) throw new InviteLockBusy();
      await InviteLock.deleteOne({ _id: key, at: trusted({ $lt: new Date(Date.now() - STALE_MS) }) });
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25));
    }
  }
  try {
    return await run();
  } finally {
    await InviteLock.deleteOne({ _id: key });
  }
}
