// Exceptional outcomes are thrown as AppError with a SCREAMING_SNAKE code. Exactly one mapper
// (src/server/error-handler.ts) turns codes into an HTTP status and a translated message.
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'EMAIL_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'CSRF_REJECTED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'PASSWORD_TOO_WEAK'
  | 'CSV_UNUSABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INSTITUTION_IN_USE'
  | 'PROGRAMME_IN_USE'
  | 'LAST_COORDINATOR'
  | 'ROLE_NOT_ALLOWED'
  | 'EDITION_LOCKED'
  | 'EDITION_TRANSITION_NOT_ALLOWED'
  | 'EDITION_PUBLISH_WITH_RUN'
  | 'EDITION_NEEDS_TWO_SIDES'
  | 'REGISTRATION_CLOSED'
  | 'NOT_PARTICIPATING'
  | 'NO_REGISTRATIONS'
  | 'RUN_NOT_FINISHED'
  | 'VISIT_SLOT_NOT_FEASIBLE'
  | 'TIMETABLE_UNUSABLE'
  | 'TIMETABLE_URL_UNREACHABLE'
  | 'FEED_NOT_FOUND'
  | 'REVISION_CONFLICT'
  | 'LEARNER_REPORT_COMPLETED'
  | 'VISIT_NOT_STARTED'
  | 'EVALUATION_CLOSED'
  | 'CERTIFICATE_NOT_EARNED'
  | 'INTERNAL';

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
