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
  /** Base of every link in e-mail and the only origin the CSRF check accepts; required outside demo mode. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be a full http(s) URL such as https://kruispunt.example.nl' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Kruispunt <noreply@kruispunt.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanish.optional(),
  /**
   * Behind a TLS-terminating proxy or load balancer: the number of proxies in front of Kruispunt
   * whose X-Forwarded-For and X-Forwarded-Proto headers are believed (`1`/`true` = one).
   */
  TRUST_PROXY: z
    .enum(['0', '1', '2', '3', '4', '5', 'true', 'false', 'yes', 'no', ''], { error: 'must be 0 (off), 1 (or true: one proxy) … 5' })
    .transform((v) => (v === 'true' || v === 'yes' ? 1 : v === 'false' || v === 'no' || v === '' ? 0 : Number(v)))
    .default(0),
  /** Allow timetable feed URLs on this machine or a private network (tests, intranet feeds). */
  KRUISPUNT_ALLOW_PRIVATE_FEEDS: booleanish.default(false),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** A session ends after this many minutes without a request … */
  SESSION_IDLE_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(5).max(43_200).default(480),
  /** … and in any case this many hours after the login. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number({ error: 'must be a number of hours' }).int().min(1).max(8760).default(336),
  /**
   * Encrypts stored secrets (identity providers' client secrets): at least 32 characters, e.g.
   * `openssl rand -base64 32`. Required before a beheerder adds an identity provider outside the demo.
   */
  KRUISPUNT_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional()
    .or(z.literal('').transform(() => undefined)),
  /** How far the identity provider's clock may differ from ours when ID tokens are checked. */
  OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(900).default(300),
  /** Seconds to wait for an identity provider before saying it is unavailable. */
  OIDC_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** The demo starts a local OpenID provider with SURFconext- and Entree-like accounts. */
  KRUISPUNT_DEMO_OIDC: booleanish.default(false),
  /** Port of the demo's local OpenID provider (0: any free port). */
  KRUISPUNT_DEMO_OIDC_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  // Retention (days): applied by the hourly job; the beheerder sees them under Bewaartermijnen.
  RETENTION_AUDIT_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_LOGIN_THROTTLE_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  RETENTION_REPORT_REVISIONS_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RETENTION_PUPIL_ROSTER_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
});

export type Config = Omit<z.infer<typeof configSchema>, 'KRUISPUNT_DEMO' | 'PUBLIC_URL'> & {
  databaseMode: 'embedded' | 'external';
  /** Seed and show the demo network: on by default with the embedded database, off with DATABASE_URL. */
  KRUISPUNT_DEMO: boolean;
  /** Where people reach Kruispunt, without a trailing slash; links in e-mail start with it. */
  PUBLIC_URL: string;
  /** Origins a state-changing request may come from (the CSRF check): PUBLIC_URL's, and in the demo its loopback aliases. */
  allowedOrigins: string[];
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.length === 1 ? `Invalid configuration: ${issues[0]}` : `Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

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
  const demo = result.data.KRUISPUNT_DEMO ?? databaseMode === 'embedded';
  // Links in e-mail never follow the request's Host header: outside the demo the address must be configured.
  if (!result.data.PUBLIC_URL && !demo) {
    throw new ConfigError([
      'PUBLIC_URL is not set: set it to the address people use to reach Kruispunt, e.g. PUBLIC_URL=https://kruispunt.example.nl (links in e-mails start with it)',
    ]);
  }
  const publicUrl = (result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/+$/, '');
  const origin = new URL(publicUrl).origin;
  const allowedOrigins = result.data.PUBLIC_URL
    ? [origin]
    : LOOPBACK_HOSTS.map((host) => `http://${host}:${result.data.PORT}`);
  return { ...result.data, databaseMode, KRUISPUNT_DEMO: demo, PUBLIC_URL: publicUrl, allowedOrigins };
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
