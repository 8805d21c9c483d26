import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFerretBinary } from '../../server/src/platform/db/ferretdbBinary';
import { startFerretDB } from '../../server/src/platform/db/ferretdbProcess';

declare module 'vitest' {
  export interface ProvidedContext {
    /** mongodb://127.0.0.1:<port>/ of the run's one embedded database (or MONGODB_URI's server). */
    mongoBaseUri: string;
  }
}

/** One embedded FerretDB for the whole run; every test file takes its own database name. */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_MONGODB_URI;
  if (external) {
    project.provide('mongoBaseUri', external.endsWith('/') ? external : `${external}/`);
    return;
  }
  const binary = await ensureFerretBinary({ onProgress: (line) => process.stderr.write(`${line}\n`) });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-test-db-'));
  const db = await startFerretDB(binary, dataDir);
  project.provide('mongoBaseUri', db.uri);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
