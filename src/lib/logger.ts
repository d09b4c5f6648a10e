import pino, { type Logger } from 'pino';
import { getConfig, type Config } from './config.ts';

// One pino logger for the process, at the level of the validated configuration (LOG_LEVEL).
// Errors are logged by their message and code only: driver errors carry the connection they
// came from (host, port, process id, cancel key) and must never reach the log.

/** The error fields that may be logged; everything else an error carries is dropped. */
const ERROR_FIELDS = ['code', 'severity', 'routine', 'errno', 'syscall', 'queue', 'job', 'worker'] as const;

/** Drizzle puts a failed query's parameters (e-mail addresses, hashes) in the message: not in the log. */
const hideParams = (text: string) => text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: (not logged)');

export function errorSerialize(value: unknown, depth = 0): Record<string, unknown> | unknown {
  if (value === null || typeof value !== 'object') return value === undefined ? value : { message: String(value) };
  const error = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  out.type = value instanceof Error ? value.constructor.name : 'Error';
  out.message = hideParams(typeof error.message === 'string' ? error.message : String(error.message ?? ''));
  for (const field of ERROR_FIELDS) {
    const v = error[field];
    if (typeof v === 'string' || typeof v === 'number') out[field] = v;
  }
  if (typeof error.stack === 'string') out.stack = hideParams(error.stack);
  if (error.cause !== undefined && depth < 3) out.cause = errorSerialize(error.cause, depth + 1);
  return out;
}

export const logSerializers = { err: (value: unknown) => errorSerialize(value) };

export function loggerCreate(level: Config['LOG_LEVEL']): Logger {
  return pino({
    level,
    base: { app: 'kruispunt' },
    serializers: logSerializers,
    redact: ['req.headers.cookie', 'password', '*.password', 'token', '*.token'],
  // Written without blocking the requests that log (a line per request); flushed on exit.
  }, pino.destination({ dest: 1, sync: false }));
}

let root: Logger | undefined;

/** The process logger, at the configured LOG_LEVEL (the CLI installs the configuration first). */
export function getLogger(): Logger {
  root ??= loggerCreate(getConfig().LOG_LEVEL);
  return root;
}

export type { Logger };
