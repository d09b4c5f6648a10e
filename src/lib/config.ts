import { z } from 'zod';

// All configuration comes from the environment, is validated once at boot, and bad values
// stop the process with a message a person can act on (see formatConfigError).
const booleanish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number (0–65535)' }).int('must be a port number (0–65535)').min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KRUISPUNT_DATA_DIR: z.string().min(1).default('./data'),
  KRUISPUNT_DEMO: booleanish.optional(),
  PUBLIC_URL: z.string().url('must be a full URL such as https://kruispunt.example.nl').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Kruispunt <noreply@kruispunt.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanish.optional(),
  /** Allow timetable feed URLs on this machine or a private network (tests, intranet feeds). */
  KRUISPUNT_ALLOW_PRIVATE_FEEDS: booleanish.default(false),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type Config = Omit<z.infer<typeof configSchema>, 'KRUISPUNT_DEMO'> & {
  databaseMode: 'embedded' | 'external';
  /** Seed and show the demo network: on by default with the embedded database, off with DATABASE_URL. */
  KRUISPUNT_DEMO: boolean;
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

export function configParse(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return `${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const databaseMode = result.data.DATABASE_URL ? 'external' : 'embedded';
  return { ...result.data, databaseMode, KRUISPUNT_DEMO: result.data.KRUISPUNT_DEMO ?? databaseMode === 'embedded' };
}

let current: Config | undefined;

/** The process-wide configuration; read from process.env on first use. */
export function getConfig(): Config {
  current ??= configParse(process.env);
  return current;
}

/** Tests and the CLI may install a configuration explicitly. */
export function setConfig(config: Config): void {
  current = config;
}
