import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, ensureFerretBinary } from '../../server/src/platform/db/ferretdbBinary';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A stand-in `go` that records its calls and writes the requested output file. */
function recordingGo(dir: string): { go: string; calls: () => string[] } {
  const log = path.join(dir, 'calls.log');
  const go = path.join(dir, 'go');
  writeFileSync(go, `#!/bin/sh\necho "$@" >> "${log}"\nwhile [ "$1" != "-o" ]; do shift; done\necho built > "$2"\n`);
  chmodSync(go, 0o755);
  return { go, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

describe('embedded database launcher', () => {
  it('builds the binary once and reuses it afterwards', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-launcher-'));
    const { go, calls } = recordingGo(dir);
    const progress: string[] = [];
    const first = await ensureFerretBinary({ cacheDir: dir, goCommand: go, onProgress: (l) => progress.push(l) });
    expect(readFileSync(first, 'utf8')).toBe('built\n');
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatch(/^build /);
    expect(progress.join('\n')).toContain('first run only');

    const second = await ensureFerretBinary({ cacheDir: dir, goCommand: go });
    expect(second).toBe(first);
    expect(calls()).toHaveLength(1);
  });

  it('says exactly what to install or set when it cannot build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-launcher-'));
    const attempt = ensureFerretBinary({ cacheDir: dir, goCommand: path.join(dir, 'no-go-here') });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/MONGODB_URI/);
    await expect(attempt).rejects.toThrow(/install Go/);
  });

  it('npm start path: the server starts its own database, prints the URL and stops both on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hearth-main-'));
    mkdirSync(dataDir, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.MONGODB_URI;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: repoRoot, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /Hearth is running at (http:\/\/\S+)/.exec(out);
        if (match) {
          clearInterval(timer);
          resolve(match[1]!);
        }
      }, 50);
      child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
    });
    const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });
    // With PORT=0 the origin a browser uses is the printed URL's own: it is accepted.
    const signup = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'first@hearth.test', password: 'correct horse battery', displayName: 'First' }),
    });
    expect(signup.status).toBe(201);
    // The generated session secret is kept in DATA_DIR for the next start.
    expect(readFileSync(path.join(dataDir, 'session-secret'), 'utf8').length).toBeGreaterThanOrEqual(32);

    const exitCode = await new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
    expect(exitCode).toBe(0);
  });

  it('stops with a message naming the variable when configuration is invalid', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: 'not-a-port' },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('PORT');
  });
});
