import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env';

const base = () => ({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hearth-env-')), SESSION_SECRET: 'x'.repeat(40) });

describe('configuration', () => {
  it('accepts localhost and 127.0.0.1 while PUBLIC_ORIGIN is unset, and only PUBLIC_ORIGIN once set', () => {
    expect(loadEnv({ ...base(), PORT: '4000' }).allowedOrigins).toEqual(['http://localhost:4000', 'http://127.0.0.1:4000']);
    const env = loadEnv({ ...base(), PUBLIC_ORIGIN: 'https://hearth.example/' });
    expect(env.allowedOrigins).toEqual(['https://hearth.example']);
    expect(env.secureCookies).toBe(true);
  });

  it('generates a session secret once and keeps it in DATA_DIR', () => {
    const { DATA_DIR } = base();
    const first = loadEnv({ DATA_DIR }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadEnv({ DATA_DIR }).sessionSecret).toBe(first);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ ...base(), MONGODB_URI: 'postgres://x' })).toThrow(ConfigError);
    expect(() => loadEnv({ ...base(), MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
    expect(() => loadEnv({ ...base(), SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('trusts X-Forwarded-For only from the proxies TRUST_PROXY names (none by default)', () => {
    expect(loadEnv(base()).trustProxy).toBe(false);
    expect(loadEnv({ ...base(), TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadEnv({ ...base(), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadEnv({ ...base(), TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    for (const bad of ['true', 'everyone', '10.0.0.0/40', '0', '300.1.1.1']) {
      expect(() => loadEnv({ ...base(), TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
