import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HelplineSchema, type Helpline } from '@hearth/shared/api';
import { z } from 'zod';
import { DEFAULT_HELPLINES, DEFAULT_QUICK_EXIT_URL } from './safetyDefaults';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_ORIGIN: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  MAX_DOC_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  VERSION_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseTrustProxy(v) !== null, {
      message: 'a hop count (1-10), or comma-separated proxy addresses, CIDR ranges, loopback, linklocal, uniquelocal, or "false"',
    }),
  QUICK_EXIT_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_QUICK_EXIT_URL),
  HELPLINES: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return z.array(HelplineSchema).min(1).max(30).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {name, region, phone?, url?, hours?}' });
        return z.NEVER;
      }
    }),
});

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY → express's `trust proxy` value; false = X-Forwarded-For is ignored; null = invalid. */
export function parseTrustProxy(value: string): number | string[] | false | null {
  const v = value.trim();
  if (v === '' || v === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const entries = v.split(',').map((e) => e.trim());
  const valid = entries.every((e) => {
    if (PROXY_NAMES.has(e)) return true;
    const [addr, bits, extra] = e.split('/');
    if (extra !== undefined || !addr || isIP(addr) === 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
  });
  return valid ? entries : null;
}

export interface Env {
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  sessionSecret: string;
  publicOrigin: string;
  /** Origins accepted on mutating requests and sockets: PUBLIC_ORIGIN, or localhost and 127.0.0.1 when unset. */
  allowedOrigins: string[];
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  redisUrl: string | undefined;
  metricsToken: string | undefined;
  maxFrameBytes: number;
  maxDocBytes: number;
  /** How long board versions are kept (docs/versions.md). */
  versionKeepDays: number;
  /** Which proxies may set X-Forwarded-For (express `trust proxy`); false: none. */
  trustProxy: number | string[] | false;
  /** Set behind https: the session cookie gets `Secure`. */
  secureCookies: boolean;
  /** Where "Quick exit" sends the tab: a neutral site. */
  quickExitUrl: string;
  /** Listed on the safety page. */
  helplines: Helpline[];
}

export class ConfigError extends Error {}

/** Parses the environment once at start-up; a bad variable stops the process with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicOrigin = (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    publicOrigin,
    allowedOrigins: e.PUBLIC_ORIGIN ? [publicOrigin] : [publicOrigin, `http://127.0.0.1:${e.PORT}`],
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    metricsToken: e.METRICS_TOKEN,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxDocBytes: e.MAX_DOC_BYTES,
    versionKeepDays: e.VERSION_KEEP_DAYS,
    trustProxy: e.TRUST_PROXY === undefined ? false : (parseTrustProxy(e.TRUST_PROXY) ?? false),
    secureCookies: publicOrigin.startsWith('https://'),
    quickExitUrl: e.QUICK_EXIT_URL,
    helplines: e.HELPLINES ?? DEFAULT_HELPLINES,
  };
}

/** A generated secret is kept in DATA_DIR so sessions survive a restart. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: create it below
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
