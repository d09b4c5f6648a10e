// Shared engine types: branded units and the small value types every engine module uses.
// Brands exist only at compile time; at run time they are plain numbers, so every engine
// input and output stays JSON-serialisable.

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type UtcMillis = number & { readonly __unit: 'UtcMillis' };
/** A duration or a time of day in whole minutes. */
export type Minutes = number & { readonly __unit: 'Minutes' };

export const utcMillis = (value: number): UtcMillis => value as UtcMillis;
export const minutes = (value: number): Minutes => value as Minutes;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Half-open interval [start, end) in UTC milliseconds. */
export interface Interval {
  readonly start: UtcMillis;
  readonly end: UtcMillis;
}

/** A diagnostic or reason, always a SCREAMING_SNAKE code so the UI can translate it. */
export type EngineCode = string;

/** An expected failure of an engine entry point on its input (bad ids, bad format): data, not a throw. */
export interface EngineFailure<Reason extends string = string> {
  readonly ok: false;
  readonly reason: Reason;
  /** The offending id or position, for the log and the CLI; never shown untranslated. */
  readonly detail?: string;
}

/** What a public entry point returns: its output with `ok: true`, or an expected failure. */
export type EngineResult<Output, Reason extends string> = ({ readonly ok: true } & Output) | EngineFailure<Reason>;

export const engineFail = <Reason extends string>(reason: Reason, detail?: string): EngineFailure<Reason> =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
