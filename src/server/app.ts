import { OpenAPIHono, type OpenAPIHonoOptions } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError, type FieldIssue } from '../lib/errors.ts';
import { localeNegotiate } from '../lib/i18n.ts';
import type { Deps } from '../domain/foundation/auth/types.ts';
import { loadSession, sessionCacheFor } from '../domain/foundation/auth/actions.ts';
import type { AppEnv } from './context.ts';
import { SESSION_COOKIE, LOCALE_COOKIE } from './context.ts';
import { errorResponderCreate, fieldIssuesFromZod } from './error-handler.ts';
import { areas } from './modules.ts';
import { readCacheCreate } from './read-cache.ts';
import { changeListenerFor } from '../db/change-listener.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AppOptions {
  /** Folder with the built browser app (index.html + assets); omitted in API-only tests. */
  webRoot?: string | undefined;
}

/**
 * The value a forwarded header got from the outermost of `hops` trusted proxies: each proxy appends
 * what it saw, so anything further left came from the client and may be forged.
 */
function forwardedValue(header: string | undefined, hops: number): string | undefined {
  const values = (header ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return undefined;
  return values[Math.max(0, values.length - hops)];
}

/** Every NUL character in a validated input (strings and keys, at any depth): PostgreSQL cannot store it in text. */
function nulIssues(value: unknown, path: string, out: FieldIssue[], depth = 0): FieldIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path: path || '(body)', code: 'FIELD_INVALID_CHARACTER' });
  } else if (value !== null && typeof value === 'object' && depth < 32) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) out.push({ path: path || '(body)', code: 'FIELD_INVALID_CHARACTER' });
      nulIssues(item, at, out, depth + 1);
    }
  }
  return out;
}

/**
 * The one validation hook every route's input passes (path, query and body, JSON with CSV and
 * iCalendar text inside): zod's issues become field codes; a NUL character anywhere is refused as
 * FIELD_INVALID_CHARACTER (it is never meaningful text, and PostgreSQL rejects it); and a PATCH
 * that changes nothing (`{}`, or only keys the schema does not know) is refused as
 * FIELD_NOTHING_TO_CHANGE, so no route has to handle an empty update.
 */
const validationHook: OpenAPIHonoOptions<AppEnv>['defaultHook'] = (result, c) => {
  if (!result.success) throw new AppError('VALIDATION_FAILED', { fields: fieldIssuesFromZod(result.error) });
  const fields = nulIssues(result.data, '', []);
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const data: unknown = result.data;
  if (result.target === 'json' && c.req.method === 'PATCH' && data !== null && typeof data === 'object' && !Object.values(data).some((v) => v !== undefined)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: '(body)', code: 'FIELD_NOTHING_TO_CHANGE' }] });
  }
};

export function appCreate(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Request ids: this process's random prefix and a counter (cheaper than a UUID per request).
  const reqIdPrefix = randomBytes(3).toString('hex');
  let reqCount = 0;
  // The in-process caches (sessions, main reads) hear of every committed write through kp_change
  // notifications; a write through this server empties them also when its request ends, so the
  // writer's next request never waits for the notification. A successful write answers only
  // once its own notifications have come back to this server (a fence): by then the database
  // has sent them to every server, so a request that follows the answer meets fresh caches.
  const sessionCache = sessionCacheFor(deps);
  const readCache = readCacheCreate(deps);
  const listener = changeListenerFor(deps.db, deps.log);
  app.use('*', async (c, next) => {
    const started = performance.now();
    const log = deps.log.child({ reqId: `${reqIdPrefix}-${(++reqCount).toString(36)}` });
    c.set('deps', deps);
    c.set('log', log);
    try {
      await next();
      if (!SAFE_METHODS.has(c.req.method) && c.res.status < 400) await listener.fence();
    } finally {
      if (!SAFE_METHODS.has(c.req.method)) {
        sessionCache.clear();
        readCache.cache.clear();
      }
    }
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  // A download (Content-Disposition: attachment) is never a page of the app: it gets a sandbox CSP in
  // place of the app's (set here, around secureHeaders, which would overwrite a route's own).
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('Content-Disposition')?.startsWith('attachment')) c.res.headers.set('Content-Security-Policy', "default-src 'none'; sandbox");
  });

  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  }));

  // CSRF: a state-changing request must come from our own origin, as configured (PUBLIC_URL), never
  // as the request's Host header claims (Origin header, or Sec-Fetch-Site: same-origin from browsers
  // that omit Origin). The session cookie is also SameSite=Lax.
  const allowedOrigins = new Set(deps.config.allowedOrigins);
  app.use('/api/*', async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const ok = origin ? allowedOrigins.has(origin) : c.req.header('sec-fetch-site') === 'same-origin';
      if (!ok) throw new AppError('CSRF_REJECTED');
    }
    await next();
  });

  // Only requests that may carry a body pass the limit: asking a GET for its body would make
  // the Node adapter build a full fetch Request (with an AbortSignal) for every read.
  // A file upload (`POST …/attachments`, the body is the file's bytes) may be up to 10 MB.
  const limitBody = bodyLimit({ maxSize: 6 * 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } });
  const limitUpload = bodyLimit({ maxSize: 10 * 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } });
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next()
    : c.req.method === 'POST' && c.req.path.endsWith('/attachments') ? limitUpload(c, next) : limitBody(c, next)));

  app.use('/api/*', async (c, next) => {
    let token = getCookie(c, SESSION_COOKIE);
    const session = token ? await loadSession(deps, token) : undefined;
    const actor = session?.actor;
    if (session?.token) token = session.token; // rotated after a change of roles
    const locale = localeNegotiate(getCookie(c, LOCALE_COOKIE) ?? actor?.locale, c.req.header('accept-language'));
    c.set('locale', locale);
    let socketIp = '127.0.0.1';
    try {
      socketIp = getConnInfo(c).remote.address ?? socketIp;
    } catch {
      /* not on a Node socket (in-process requests) */
    }
    const hops = deps.config.TRUST_PROXY;
    const ip = hops > 0 ? forwardedValue(c.req.header('x-forwarded-for'), hops) ?? socketIp : socketIp;
    const proto = hops > 0 ? forwardedValue(c.req.header('x-forwarded-proto'), hops) : undefined;
    const secure = deps.config.COOKIE_SECURE ?? (proto ? proto.toLowerCase() === 'https' : c.req.url.startsWith('https:'));
    c.set('actor', actor);
    c.set('sessionToken', actor ? token : undefined);
    if (session?.token) {
      setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: deps.config.SESSION_ABSOLUTE_HOURS * 3600 });
    }
    // Links in e-mail come from configuration only.
    c.set('request', { baseUrl: deps.config.PUBLIC_URL, locale, ip, secure });
    await next();
  });

  app.use('/api/*', readCache.middleware);

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const area of areas) api.route('/', area.routes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Kruispunt API', version: '0.1.0', description: 'Teachers’ learning across school walls.' },
    servers: [{ url: '/api' }],
  });
  app.route('/api', api);
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND');
  });

  if (options.webRoot && existsSync(path.join(options.webRoot, 'index.html'))) {
    const root = options.webRoot;
    const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    app.use('*', serveStatic({ root }));
    app.get('*', (c) => c.html(indexHtml));
  }

  const errorRespond = errorResponderCreate(areas.map((a) => a.module));
  app.onError((err, c) => errorRespond(err, c));
  app.notFound((c) => errorRespond(new AppError('NOT_FOUND'), c));
  return app;
}
