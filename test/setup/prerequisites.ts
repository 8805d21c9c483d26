import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CACHE_DIR } from '../../server/src/platform/db/ferretdbBinary';

/** True when `command` is an executable file on PATH (or an absolute path to one). */
function onPath(command: string): boolean {
  const candidates = command.includes('/')
    ? [command]
    : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs before anything else in `npm test`: on a machine that lacks a program the suite needs,
 * stop at once with one message that says exactly what to install, instead of failing later
 * with `spawn … ENOENT` in the middle of the run.
 */
export default function checkPrerequisites(): void {
  const missing: string[] = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!onPath(chromium)) missing.push(`Chromium for the browser tests (${chromium}): apt-get install chromium`);
  if (!onPath('redis-server')) missing.push('redis-server for the scale-out tests: apt-get install redis-server');
  const prebuilt = existsSync(path.join(DEFAULT_CACHE_DIR, 'bin', 'hearth-ferretdb'));
  if (!process.env.TEST_MONGODB_URI && !prebuilt && !onPath('go')) {
    missing.push('Go 1.24+ to build the embedded database once (or set TEST_MONGODB_URI to a MongoDB server)');
  }
  if (missing.length > 0) {
    throw new Error(
      `npm test needs programs this machine lacks:\n  - ${missing.join('\n  - ')}\n` +
        '(.ci/run installs them with apt-get; see README.md, "Quick start").',
    );
  }
}
