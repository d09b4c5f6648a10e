import pino, { type Logger } from 'pino';

let root: Logger | undefined;

export function getLogger(): Logger {
  root ??= pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'kruispunt' },
    redact: ['req.headers.cookie', 'password', '*.password', 'token', '*.token'],
  });
  return root;
}

export type { Logger };
