import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'hearth' },
    redact: { paths: ['req.headers.cookie', 'password', '*.password'], remove: true },
  });
}
