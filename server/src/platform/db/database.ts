import mongoose from 'mongoose';
import type { Logger } from '../logger';
import { setSerializedWrites } from './atomicWrite';
import { ensureFerretBinary } from './ferretdbBinary';
import { databaseAvailability } from './availability';
import type { EmbeddedDatabase } from './ferretdbProcess';
import { superviseFerretDB } from './supervisor';

// Every query filter is sanitized and unknown paths in filters throw: user input can never
// become an operator (`{"$gt":""}`) even if it slipped past a schema.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');

export interface Database {
  /** The URI mongoose is connected to (credentials are never logged). */
  uri: string;
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  logger: Logger;
  dbName?: string;
}

/** Connects mongoose to MONGODB_URI, or to the embedded FerretDB started for this process. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let uri = opts.mongodbUri;
  if (!uri) {
    const binary = await ensureFerretBinary({ onProgress: (line) => opts.logger.info(line) });
    const supervised = await superviseFerretDB(binary, opts.dataDir, opts.logger);
    supervised.onAvailability((up) => databaseAvailability.report(up));
    embedded = supervised;
    uri = `${embedded.uri}${opts.dbName ?? 'hearth'}`;
    opts.logger.info({ dataDir: opts.dataDir }, 'embedded database started');
  }
  await connectMongoose(uri);
  return {
    uri,
    embedded,
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

export async function connectMongoose(uri: string): Promise<void> {
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 10_000,
    // Notice a dead or frozen database within a second or two (the driver's defaults: 10 s / 30 s).
    heartbeatFrequencyMS: 1000,
    connectTimeoutMS: 3000,
    // MongoDB honours these; FerretDB ignores them (see docs/database.md).
    writeConcern: { w: 'majority', j: true },
  });
  setSerializedWrites(await isFerretDB());
  // Indexes are declared on the models; build them now so uniqueness holds from the first write.
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
}

/** FerretDB answers `buildInfo` with a `ferretdbVersion` field; MongoDB does not. */
export async function isFerretDB(): Promise<boolean> {
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string' || info.ferretdbFeatures !== undefined;
}
