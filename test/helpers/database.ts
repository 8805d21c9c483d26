import { randomBytes } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { connectMongoose } from '../../server/src/platform/db/database';

/** A database name unique to this test file (and process). */
export function freshDbName(label = path.basename(process.argv[1] ?? 'test')): string {
  const safe = label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);
  return `t_${safe}_${randomBytes(4).toString('hex')}`;
}

let connectedUri: string | null = null;

/** Connects this worker's mongoose to a database of its own on the run's embedded server. */
export async function connectTestDb(dbName: string): Promise<string> {
  const uri = `${inject('mongoBaseUri')}${dbName}`;
  if (connectedUri === uri && mongoose.connection.readyState === 1) return uri;
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect();
  await connectMongoose(uri);
  connectedUri = uri;
  return uri;
}
