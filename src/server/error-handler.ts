import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, coreErrors, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import { translatorCreate, localeNegotiate, type Locale, type Translate } from '../lib/i18n.ts';
import type { AreaModule } from '../domain/area-module.ts';
import type { AppEnv } from './context.ts';
import { LOCALE_COOKIE } from './context.ts';
import { getCookie } from 'hono/cookie';

// The one place where error codes become HTTP statuses and translated messages: the core codes
// (src/lib/errors.ts) and those every area declares in its module.


const formatCodes: Record<string, string> = {
  email: 'FIELD_INVALID_EMAIL', url: 'FIELD_INVALID_URL', uuid: 'FIELD_INVALID',
};
const regexCodes: Record<string, string> = {
  POSTCODE: 'FIELD_INVALID_POSTCODE', ISCED: 'FIELD_INVALID_ISCED', BRIN: 'FIELD_INVALID_BRIN',
};

/** Turns zod issues into field codes with parameters that the message catalogue understands. */
export function fieldIssuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((issue): FieldIssue => {
    const path = issue.path.join('.') || '(body)';
    const i = issue as unknown as Record<string, unknown>;
    switch (issue.code) {
      case 'too_small':
        if (i.origin === 'string' || i.origin === 'array') {
          return { path, code: i.minimum === 1 ? 'FIELD_REQUIRED' : 'FIELD_TOO_SHORT', params: { min: Number(i.minimum) } };
        }
        return { path, code: 'FIELD_TOO_SMALL', params: { min: Number(i.minimum) } };
      case 'too_big':
        return { path, code: i.origin === 'string' || i.origin === 'array' ? 'FIELD_TOO_LONG' : 'FIELD_TOO_BIG', params: { max: Number(i.maximum) } };
      case 'invalid_type':
        return { path, code: i.input === undefined ? 'FIELD_REQUIRED' : 'FIELD_INVALID' };
      case 'invalid_format':
        if (i.format === 'regex') return { path, code: regexCodes[issue.message] ?? (/^[A-Z_]+$/.test(issue.message) ? issue.message : 'FIELD_INVALID') };
        return { path, code: formatCodes[String(i.format)] ?? 'FIELD_INVALID' };
      case 'invalid_value':
        return { path, code: 'FIELD_INVALID_CHOICE', params: { options: ((i.values as unknown[]) ?? []).join(', ') } };
      case 'custom':
        return { path, code: /^[A-Z_]+$/.test(issue.message) ? issue.message : 'FIELD_INVALID' };
      default:
        return { path, code: 'FIELD_INVALID' };
    }
  });
}

export function errorBody(translate: Translate, locale: Locale, code: ErrorCode, details: AppError['details'] = {}) {
  const fields = (details.fields ?? []).map((f) => ({ ...f, message: `${f.path}: ${translate(locale, f.code, f.params ?? {})}` }));
  const params = { ...(details.params ?? {}), details: fields.map((f) => f.message).join('; ') };
  // `data` carries what the client needs to recover (e.g. the server's version on REVISION_CONFLICT)
  const data = details.data !== undefined ? { data: details.data } : {};
  return { error: { code, message: translate(locale, code, params), ...(fields.length ? { fields } : {}), ...data } };
}

/** PostgreSQL's SQLSTATE, also when the driver error is wrapped (Drizzle puts it in `cause`). */
function databaseErrorCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The error responder for these areas: statuses and messages from the core and every area module. */
/** The database is away (refused, terminated, shutting down, no connection): the request may be retried later. */
function databaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300'].includes(code) || code.startsWith('08')) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) return true;
  }
  return false;
}

export function errorResponderCreate(modules: readonly AreaModule[]) {
  const statusOf = new Map<string, ContentfulStatusCode>(Object.entries({ ...coreErrors, ...Object.assign({}, ...modules.map((m) => m.errors)) }));
  const translate = translatorCreate(...modules.map((m) => m.messages));
  return function errorRespond(err: Error, c: Context<AppEnv>) {
    const locale = c.get('locale') ?? localeNegotiate(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language'));
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (err instanceof HTTPException) {
      appError = err.status === 413 ? new AppError('PAYLOAD_TOO_LARGE')
        : err.status === 404 ? new AppError('NOT_FOUND')
        : new AppError('VALIDATION_FAILED', { fields: [{ path: '(body)', code: 'FIELD_INVALID_JSON' }] });
    } else if (databaseErrorCode(err) === '23505') appError = new AppError('CONFLICT');
    else if (databaseErrorCode(err) === '22P02') appError = new AppError('NOT_FOUND');
    else if (databaseUnavailable(err)) appError = new AppError('DATABASE_UNAVAILABLE');
    else if (err instanceof SyntaxError) appError = new AppError('VALIDATION_FAILED', { fields: [{ path: '(body)', code: 'FIELD_INVALID' }] });
    else {
      (c.get('log') ?? console).error({ err }, 'unexpected error');
      appError = new AppError('INTERNAL');
    }
    let status = statusOf.get(appError.code);
    if (status === undefined) {
      (c.get('log') ?? console).error({ code: appError.code }, 'error code not declared by any area module');
      status = 500;
    }
    return c.json(errorBody(translate, locale, appError.code, appError.details), status);
  };
}
