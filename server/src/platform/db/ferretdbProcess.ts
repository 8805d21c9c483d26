import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DatabaseUnavailableError } from './ferretdbBinary';

export interface EmbeddedDatabase {
  /** mongodb://127.0.0.1:<port>/ — append a database name. */
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * SQLite pragmas: WAL and busy timeout as FerretDB's defaults, plus secure_delete so erased
 * rows are overwritten in the database file instead of lingering in free pages, and
 * synchronous=FULL spelled out: every commit is fsynced before it is answered, because an
 * acknowledged edit must survive the machine crashing. `HEARTH_SQLITE_WAL_AUTOCHECKPOINT`
 * (pages) and `HEARTH_FERRETDB_NICE` are A/B switches for the sync benchmark
 * (docs/performance.md, "Closing the tail"); their defaults are the measured best.
 */
const tuning = z
  .object({
    HEARTH_SQLITE_WAL_AUTOCHECKPOINT: z.coerce.number().int().min(0).optional(),
    HEARTH_FERRETDB_NICE: z.coerce.number().int().min(0).max(19).default(0),
  })
  .parse(process.env);
const PRAGMAS = [
  'journal_mode(wal)',
  'busy_timeout(10000)',
  'synchronous(full)',
  'secure_delete(1)',
  'journal_size_limit(4194304)',
  ...(tuning.HEARTH_SQLITE_WAL_AUTOCHECKPOINT !== undefined ? [`wal_autocheckpoint(${tuning.HEARTH_SQLITE_WAL_AUTOCHECKPOINT})`] : []),
];

/**
 * Starts FerretDB with data under `<dataDir>/db/`, on a free loopback port, or on `port` (a
 * restart keeps its address so the driver's connection pool reconnects by itself).
 */
export async function startFerretDB(binary: string, dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dbDir = path.join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const sqliteUrl = `file:${dbDir}/?${PRAGMAS.map((p) => `_pragma=${p}`).join('&')}`;
  // Port 0: the OS picks a free port and the wrapper prints the resulting URI, so there is
  // no race between choosing a port and binding it. Stdin stays open: when this process
  // dies, the pipe closes and the database stops too.
  const child = spawn(binary, [`--listen-addr=127.0.0.1:${port}`, `--sqlite-url=${sqliteUrl}`], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (tuning.HEARTH_FERRETDB_NICE > 0 && child.pid !== undefined) os.setPriority(child.pid, tuning.HEARTH_FERRETDB_NICE);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const onData = (d: Buffer) => {
      stdout += d.toString();
      const match = /ready (mongodb:\/\/\S+)/.exec(stdout);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`);
      }
    };
    child.stdout!.on('data', onData);
    child.once('error', (err) => reject(new DatabaseUnavailableError(`cannot start the embedded database: ${err.message}`)));
    child.once('exit', (code) =>
      reject(new DatabaseUnavailableError(`the embedded database exited (code ${code}) before it was ready:\n${stderr}`)),
    );
  });
  child.stdout!.resume();

  return {
    uri,
    process: child,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
