import { serve, type ServerType } from '@hono/node-server';
import { SMTPServer } from 'smtp-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { configParse } from '../../src/lib/config.ts';
import { mailerCreate } from '../../src/lib/mailer.ts';
import { databaseOpen, databaseMigrate, type Database } from '../../src/db/client.ts';
import { demoSeed } from '../../src/db/seed/demo.ts';
import { appCreate } from '../../src/server/app.ts';
import { jobHandlersCreate } from '../../src/server/jobs.ts';
import { areasPorts } from '../../src/server/modules.ts';
import { jobsStart } from '../../src/lib/jobs.ts';
import type { Deps } from '../../src/domain/foundation/auth/types.ts';
import type { JobHandler } from '../../src/lib/jobs.ts';
import { responseCheck } from './response-check.ts';

// Starts Kruispunt for a test file: real migrations on a real PostgreSQL (embedded in a
// temporary directory, or a fresh database on TEST_DATABASE_URL's server), a real HTTP
// server on a free port, and a real SMTP server that catches every mail.

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

export interface Harness {
  baseUrl: string;
  deps: Deps;
  database: Database;
  mails: CapturedMail[];
  /** The clock the server reads (`deps.now`): the real time unless a test sets it. */
  clock: HarnessClock;
  /** A client with its own cookie jar that sends a same-origin Origin header. */
  client(): ApiClient;
  stop(): Promise<void>;
}

/** A settable clock for tests that act "before" or "after" a week (matching before it, check-in after it). */
export interface HarnessClock {
  now(): Date;
  /** From now on the server's time is `date` (it does not advance). */
  set(date: Date): void;
  /** Back to the real time. */
  reset(): void;
}

export function harnessClockCreate(): HarnessClock {
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed.getTime()) : new Date()),
    set(date) { fixed = new Date(date.getTime()); },
    reset() { fixed = null; },
  };
}

export interface ApiClient {
  /** A string or bytes (a file upload) are sent as they are, anything else as JSON. */
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  login(email: string, password: string): Promise<{ status: number; body: any }>;
  /** A plain GET with this client's cookies, for downloads (PDF, XLSX). */
  download(url: string): Promise<Response>;
}

/** Which database this test run uses: set per vitest project (see vitest.config.ts). */
export const testDatabaseMode: 'embedded' | 'external' =
  process.env.KRUISPUNT_TEST_DB === 'external' && process.env.TEST_DATABASE_URL ? 'external' : 'embedded';

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const bodyRaw = rest.join('\n\n');
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
  const subject = subjectLine.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  ).replace(/\?=\s+=\?/g, '');
  const qp = /Content-Transfer-Encoding: quoted-printable/i.test(head);
  const b64 = /Content-Transfer-Encoding: base64/i.test(head);
  const text = qp ? decodeQuotedPrintable(bodyRaw) : b64 ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8') : bodyRaw;
  return { subject, text };
}

async function smtpStart(mails: CapturedMail[]): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface HarnessOptions {
  demo?: boolean; smtp?: boolean; webRoot?: string; env?: Record<string, string>; jobs?: boolean;
  /** The background job handlers (default: the server's own); tests wrap them to count runs. */
  jobHandlers?: (deps: Deps) => Record<string, JobHandler>;
}

export async function harnessStart(options: HarnessOptions = {}): Promise<Harness> {
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const mails: CapturedMail[] = [];
  const smtp = options.smtp === false ? undefined : await smtpStart(mails);
  let dataDir: string | undefined;
  let externalDb: { admin: string; name: string } | undefined;
  let databaseUrl: string | undefined;
  if (testDatabaseMode === 'external' && process.env.TEST_DATABASE_URL) {
    const name = `kp_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    externalDb = { admin: process.env.TEST_DATABASE_URL, name };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kruispunt-test-'));
  }
  // The HTTP server listens first, so that PUBLIC_URL (links in mail, the CSRF origin) is its own address.
  let appFetch: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (request, env) => appFetch!(request, env), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = configParse({
    PUBLIC_URL: baseUrl,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    KRUISPUNT_DATA_DIR: dataDir ?? './data',
    KRUISPUNT_DEMO: options.demo ? '1' : '0',
    ...(smtp ? { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } : {}),
    LOG_LEVEL: 'silent',
    KRUISPUNT_SECRET_KEY: 'a-test-only-secret-key-0123456789-abcdefghij',
    ...options.env,
  });
  const database = await databaseOpen({ databaseUrl: config.DATABASE_URL, dataDir: config.KRUISPUNT_DATA_DIR, poolSize: 5 }, log);
  await databaseMigrate(database);
  if (options.demo) await demoSeed(database.db, new Date());
  const clock = harnessClockCreate();
  const deps: Deps = {
    db: database.db,
    mailer: mailerCreate(config.SMTP_URL, config.MAIL_FROM),
    config,
    log,
    now: () => clock.now(),
    jobs: null,
    ports: areasPorts(),
  };
  const jobs = options.jobs ? await jobsStart(database.url, (options.jobHandlers ?? jobHandlersCreate)(deps), log) : undefined;
  deps.jobs = jobs ?? null;
  const app = appCreate(deps, { webRoot: options.webRoot });
  appFetch = (request, env) => app.fetch(request, env);

  const client = (): ApiClient => {
    const jar = new Map<string, string>();
    const request: ApiClient['request'] = async (method, url, body, headers = {}) => {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const isJson = body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array);
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          origin: baseUrl,
          ...(isJson ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isJson ? JSON.stringify(body) : (body as string | Uint8Array<ArrayBuffer>),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const [k = '', v = ''] = pair.split('=');
        if (/Max-Age=0/i.test(line) || v === '') jar.delete(k);
        else jar.set(k, v);
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      responseCheck(method, url, response.status, response.headers.get('content-type'), parsed);
      return { status: response.status, body: parsed, headers: response.headers };
    };
    return {
      request,
      login: (email, password) => request('POST', '/api/auth/login', { email, password }),
      download: (url) => fetch(`${baseUrl}${url}`, { headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } }),
    };
  };

  return {
    baseUrl,
    deps,
    database,
    mails,
    clock,
    client,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs?.stop();
      await database.close();
      await smtp?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (externalDb) {
        const admin = new pg.Client({ connectionString: externalDb.admin });
        await admin.connect();
        try {
          // An autovacuum worker of the server may still be in the database for a moment; it
          // belongs to another role, so FORCE cannot end it: wait for it instead.
          for (let attempt = 0; ; attempt++) {
            try {
              await admin.query(`drop database if exists ${externalDb.name} with (force)`);
              break;
            } catch (error) {
              if (attempt >= 20 || !/must be a member of the role|being accessed by other users/.test((error as Error).message)) throw error;
              await new Promise((r) => setTimeout(r, 250));
            }
          }
        } finally {
          await admin.end();
        }
      }
    },
  };
}

/** Waits until `predicate` holds (for mail arriving over SMTP), polling every 50 ms. */
export async function waitFor<T>(fn: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A second Kruispunt app server on a running harness's database (scale-out tests). */
export interface HarnessPeer {
  baseUrl: string;
  deps: Deps;
  stop(): Promise<void>;
}

/**
 * Starts another app server as a second machine would: its own pg pool, its own job runner
 * (jobsStart, as `kruispunt start` does) and its own HTTP port, on the same database and with the
 * same configuration (so the same PUBLIC_URL, as behind one load balancer).
 */
export async function harnessStartPeer(h: Harness, options: { jobs?: boolean; jobHandlers?: (deps: Deps) => Record<string, JobHandler> } = {}): Promise<HarnessPeer> {
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const database = await databaseOpen({ databaseUrl: h.database.url, dataDir: h.deps.config.KRUISPUNT_DATA_DIR, poolSize: 5 }, log);
  await databaseMigrate(database);
  const deps: Deps = { ...h.deps, db: database.db, log, jobs: null, ports: areasPorts() };
  const jobs = options.jobs ? await jobsStart(database.url, (options.jobHandlers ?? jobHandlersCreate)(deps), log) : undefined;
  deps.jobs = jobs ?? null;
  const app = appCreate(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    baseUrl,
    deps,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await jobs?.stop();
      await database.pool.end();
    },
  };
}
