import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { installProcessGuards, type GuardedProcess } from './processGuards';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = Object.assign(emitter, { exit: (code: number) => void exits.push(code) }) as unknown as GuardedProcess & EventEmitter;
  return { proc, exits };
}

function capturingLogger() {
  const lines: Array<{ level: number; msg: string; err?: { message: string } }> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

const guardsModule = path.join(import.meta.dirname, 'processGuards.ts');
const loggerModule = path.join(import.meta.dirname, 'logger.ts');

/** A real Node process with the guards installed: a stray rejection, then an uncaught throw. */
const SCRIPT = `
const { installProcessGuards } = await import(${JSON.stringify(guardsModule)});
const { createLogger } = await import(${JSON.stringify(loggerModule)});
installProcessGuards({
  logger: createLogger('info'),
  shutdown: () => async (reason, code) => { process.stdout.write('CLOSED ' + reason + '\\n'); process.exit(code); },
});
Promise.reject(new Error('nobody listens'));
setTimeout(() => {
  process.stdout.write('STILL SERVING\\n');
  setTimeout(() => { throw new Error('boom'); }, 10);
}, 50);
`;

describe('process guards', () => {
  it('in a real process: logs an unhandled rejection and keeps running; an uncaught exception shuts down and exits 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines = out.split('\n');
    const logged = lines
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err: { message: string } });
    expect(logged.map((l) => [l.level, l.msg, l.err.message])).toEqual([
      [50, 'unhandled promise rejection', 'nobody listens'],
      [60, 'uncaught exception; shutting down', 'boom'],
    ]);
    expect(lines.filter((l) => !l.startsWith('{') && l)).toEqual(['STILL SERVING', 'CLOSED uncaughtException']);
    expect(code).toBe(1);
  });

  it('exits at once when Hearth has not started yet, or when a second exception comes while stopping', async () => {
    const early = fakeProcess();
    installProcessGuards({ logger: capturingLogger().logger, shutdown: () => null, proc: early.proc });
    early.proc.emit('uncaughtException', new Error('at start-up'), 'uncaughtException');
    expect(early.exits).toEqual([1]);

    const running = fakeProcess();
    const stops: Array<[string, number]> = [];
    const stop = (reason: string, code: number) => {
      stops.push([reason, code]);
      return new Promise<void>(() => undefined);
    };
    installProcessGuards({ logger: capturingLogger().logger, shutdown: () => stop, proc: running.proc });
    running.proc.emit('uncaughtException', new Error('first'), 'uncaughtException');
    expect(stops).toEqual([['uncaughtException', 1]]);
    expect(running.exits).toEqual([]);
    running.proc.emit('uncaughtException', new Error('while closing'), 'uncaughtException');
    expect(running.exits).toEqual([1]);
    expect(stops).toHaveLength(1);
  });

  it('removes its listeners when uninstalled', () => {
    const { proc } = fakeProcess();
    const { logger, lines } = capturingLogger();
    const uninstall = installProcessGuards({ logger, shutdown: () => null, proc });
    proc.emit('unhandledRejection', 'a reason that is not an Error');
    expect(lines.map((l) => l.msg)).toEqual(['unhandled promise rejection']);
    uninstall();
    expect(proc.listenerCount('unhandledRejection') + proc.listenerCount('uncaughtException')).toBe(0);
  });
});
