import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The Go wrapper around FerretDB's embeddable package (server/ferretdb). */
export const FERRETDB_SOURCE_DIR = path.resolve(here, '../../../ferretdb');
const REPO_ROOT = path.resolve(here, '../../../..');
export const DEFAULT_CACHE_DIR = path.join(REPO_ROOT, '.cache');

export class DatabaseUnavailableError extends Error {}

export interface BinaryOptions {
  cacheDir?: string;
  /** Progress lines for the person waiting ("building the embedded database — first run only"). */
  onProgress?: (line: string) => void;
  goCommand?: string;
}

/** Returns the embedded database binary, building it once into the git-ignored cache. */
export async function ensureFerretBinary(opts: BinaryOptions = {}): Promise<string> {
  const binDir = path.join(opts.cacheDir ?? DEFAULT_CACHE_DIR, 'bin');
  const binary = path.join(binDir, 'hearth-ferretdb');
  if (existsSync(binary)) return binary;

  const go = opts.goCommand ?? 'go';
  opts.onProgress?.('building the embedded database (FerretDB v1.24.2) — first run only, about two minutes…');
  mkdirSync(binDir, { recursive: true });
  // Build to a temporary name and rename, so a half-written binary is never reused.
  const partial = `${binary}.${process.pid}.partial`;
  const result = await run(go, ['build', '-trimpath', '-buildvcs=false', '-o', partial, '.'], FERRETDB_SOURCE_DIR);
  if (result.code !== 0) {
    if (result.spawnError) {
      throw new DatabaseUnavailableError(
        'No database available. Either set MONGODB_URI to a MongoDB server (e.g. mongodb://127.0.0.1:27017/hearth), ' +
          'or install Go 1.24+ (https://go.dev/dl, `apt-get install golang` is too old on some systems) so Hearth can build ' +
          `its embedded database. (${result.spawnError})`,
      );
    }
    throw new DatabaseUnavailableError(
      `Building the embedded database failed (go build in ${FERRETDB_SOURCE_DIR}, exit ${result.code}). ` +
        `Check that the Go module proxy is reachable, or set MONGODB_URI. Output:\n${result.output.slice(-2000)}`,
    );
  }
  renameSync(partial, binary);
  opts.onProgress?.('embedded database built');
  return binary;
}

interface RunResult {
  code: number;
  output: string;
  spawnError?: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolve({ code: -1, output, spawnError: err.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}
