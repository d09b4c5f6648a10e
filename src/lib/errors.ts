// Exceptional outcomes are thrown as AppError with a SCREAMING_SNAKE code. The core codes
// below belong to the server itself; every area declares its own codes with their HTTP status in
// its module (src/domain/<area>/module.ts). Exactly one mapper (src/server/error-handler.ts)
// turns a code into an HTTP status and a translated message; a unit test checks that every code
// thrown anywhere is declared and translated in both languages.
export const coreErrors = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const;

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503;
/** SCREAMING_SNAKE, declared by the core or by an area module. */
export type ErrorCode = string;

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { fields?: FieldIssue[]; params?: Record<string, string | number>; [k: string]: unknown } = {},
  ) {
    super(code);
  }
}
