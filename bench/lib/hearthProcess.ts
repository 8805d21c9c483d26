import { execSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The sync benchmark's Hearth server (bench/sync/benchServer.ts) in its own process. */
export interface HearthProcess {
  child: ChildProcess;
  /** The server and, when embedded, its database. */
  pids: number[];
  urlFor(doc: string): string;
  /** A `hearth_collab_*` metric of the server (0 when absent). */
  metric(name: string): Promise<number>;
  /** `process.memoryUsage()` of the server, after a forced full GC. */
  memory(): Promise<NodeJS.MemoryUsage & { gc: boolean }>;
  stop(): Promise<void>;
}

/** Starts the bench server with `--expose-gc` (and board rules on unless `validation` is false). */
export async function startHearth(opts: { validation?: boolean; env?: Record<string, string> } = {}): Promise<HearthProcess> {
  const env = { ...process.env, BENCH_VALIDATION: opts.validation === false ? '0' : '1', ...opts.env };
  const script = path.join(here, '../sync/benchServer.ts');
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+) (\d+)/.exec(out);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${match[1]}`;
  return {
    child,
    pids: [child.pid!, Number(match[2])].filter((p) => p > 0),
    urlFor: (doc) => `ws://127.0.0.1:${match[1]}/yjs/${doc}`,
    async metric(name) {
      const text = await (await fetch(`${base}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? 0);
    },
    memory: async () => (await (await fetch(`${base}/memory`)).json()) as NodeJS.MemoryUsage & { gc: boolean },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Stops with a message when this process (and so the server it starts, which inherits the
 * limit) may not open `sockets` more file descriptors: raise it with `ulimit -n`.
 */
export function requireFileDescriptors(sockets: number): void {
  const limit = Number(execSync('ulimit -n', { shell: '/bin/sh', encoding: 'utf8' }).trim());
  const needed = sockets + 256;
  if (Number.isFinite(limit) && limit < needed) {
    process.stderr.write(`ulimit -n is ${limit}; ${needed} file descriptors are needed: run \`ulimit -n ${needed}\` first\n`);
    process.exit(2);
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
