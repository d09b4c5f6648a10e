import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import { translate, localeNegotiate, type Locale } from '../lib/i18n.ts';
import type { AppEnv } from './context.ts';
import { LOCALE_COOKIE } from './context.ts';
import { getCookie } from 'hono/cookie';

// The one place where error codes become HTTP statuses and translated messages.

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  ROLE_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  INSTITUTION_IN_USE: 409,
  PROGRAMME_IN_USE: 409,
  LAST_COORDINATOR: 409,
  TOKEN_INVALID: 400,
  TOKEN_EXPIRED: 410,
  PASSWORD_TOO_WEAK: 400,
  CSV_UNUSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  EDITION_LOCKED: 409,
  EDITION_TRANSITION_NOT_ALLOWED: 409,
  EDITION_PUBLISH_WITH_RUN: 400,
  EDITION_NEEDS_TWO_SIDES: 422,
  REGISTRATION_CLOSED: 409,
  NOT_PARTICIPATING: 422,
  NO_REGISTRATIONS: 422,
  RUN_NOT_FINISHED: 409,
  VISIT_SLOT_NOT_FEASIBLE: 422,
  TIMETABLE_UNUSABLE: 422,
  TIMETABLE_URL_UNREACHABLE: 422,
  FEED_NOT_FOUND: 404,
  REVISION_CONFLICT: 409,
  LEARNER_REPORT_COMPLETED: 409,
  VISIT_NOT_STARTED: 409,
  EVALUATION_CLOSED: 409,
  CERTIFICATE_NOT_EARNED: 409,
  INTERNAL: 500,
};

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

export function errorBody(locale: Locale, code: ErrorCode, details: AppError['details'] = {}) {
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

export function errorRespond(err: Error, c: Context<AppEnv>) {
  const locale = c.get('locale') ?? localeNegotiate(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language'));
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err instanceof HTTPException) {
    appError = err.status === 413 ? new AppError('PAYLOAD_TOO_LARGE')
      : err.status === 404 ? new AppError('NOT_FOUND')
      : new AppError('VALIDATION_FAILED', { fields: [{ path: '(body)', code: 'FIELD_INVALID_JSON' }] });
  } else if (databaseErrorCode(err) === '23505') appError = new AppError('CONFLICT');
  else if (databaseErrorCode(err) === '22P02') appError = new AppError('NOT_FOUND');
  else if (err instanceof SyntaxError) appError = new AppError('VALIDATION_FAILED', { fields: [{ path: '(body)', code: 'FIELD_INVALID' }] });
  else {
    (c.get('log') ?? console).error({ err }, 'unexpected error');
    appError = new AppError('INTERNAL');
  }
  return c.json(errorBody(locale, appError.code, appError.details), statusOf[appError.code]);
}
