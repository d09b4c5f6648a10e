import { createHash, randomBytes } from 'node:crypto';

export const SESSION_DAYS = 14;
export const INVITATION_DAYS = 14;
export const RESET_MINUTES = 60;

/** A new random secret for a cookie or a link; only its hash is stored. */
export function tokenCreate(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
