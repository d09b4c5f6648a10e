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
