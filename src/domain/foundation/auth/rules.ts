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

// ---- Throttling: logins and password-reset mail ----

/** What is stored per throttle key (see auth_throttle). */
export interface ThrottleState {
  attempts: number;
  level: number;
  lockedUntil: Date | null;
  lastAt: Date;
}

export interface ThrottlePolicy {
  /** Claims allowed in a row; the last of them starts the first delay. */
  limit: number;
  /** The first delay; each next one doubles, up to maxDelayMinutes. */
  firstDelayMinutes: number;
  maxDelayMinutes: number;
  /** After this long without claims (counted from the end of a delay) a key starts over. */
  quietMinutes: number;
}

export type ThrottleDecision =
  | { allowed: true; next: ThrottleState; /** this claim started a delay (it is the limit-th in a row) */ delayStarted: boolean }
  | { allowed: false; retryAfterSeconds: number };

/**
 * One claim on a key. Within a delay every claim is refused; otherwise it is allowed and counted,
 * and the limit-th claim in a row starts a delay that doubles each time (1, 2, 4 … minutes). After
 * a delay one more claim is allowed, which starts the next delay. A success (the caller deletes the
 * key) or a quiet period starts over.
 */
export function throttleClaim(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleDecision {
  if (state?.lockedUntil && state.lockedUntil > now) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)) };
  }
  const lastActive = Math.max(state?.lastAt.getTime() ?? 0, state?.lockedUntil?.getTime() ?? 0);
  const fresh = !state || now.getTime() - lastActive >= policy.quietMinutes * 60_000;
  const attempts = (fresh ? 0 : state.attempts) + 1;
  const level = fresh ? 0 : state.level;
  if (attempts < policy.limit) return { allowed: true, delayStarted: false, next: { attempts, level, lockedUntil: null, lastAt: now } };
  const delay = Math.min(policy.firstDelayMinutes * 2 ** level, policy.maxDelayMinutes);
  return { allowed: true, delayStarted: true, next: { attempts, level: level + 1, lockedUntil: addMinutes(now, delay), lastAt: now } };
}

/** Login throttling: per (account, IP address) at the configured limit, per account from all addresses at three times it. */
export function throttleLoginPolicies(config: { LOGIN_MAX_ATTEMPTS: number; LOGIN_WINDOW_MINUTES: number }) {
  const delays = { firstDelayMinutes: 1, maxDelayMinutes: config.LOGIN_WINDOW_MINUTES, quietMinutes: config.LOGIN_WINDOW_MINUTES };
  return {
    account: { limit: config.LOGIN_MAX_ATTEMPTS * 3, ...delays },
    accountAtAddress: { limit: config.LOGIN_MAX_ATTEMPTS, ...delays },
  } satisfies Record<string, ThrottlePolicy>;
}

/** Password-reset mail: three per e-mail address and twenty per IP address, then one an hour (growing). */
export const RESET_THROTTLE = {
  address: { limit: 3, firstDelayMinutes: 60, maxDelayMinutes: 24 * 60, quietMinutes: 60 },
  ip: { limit: 20, firstDelayMinutes: 60, maxDelayMinutes: 24 * 60, quietMinutes: 60 },
} satisfies Record<string, ThrottlePolicy>;

/** Throttle keys. E-mail addresses hold no spaces, so a space separates the parts. */
export const throttleKeys = {
  loginAccount: (email: string) => `login ${email.toLowerCase()}`,
  loginAccountAtAddress: (email: string, ip: string) => `login ${email.toLowerCase()} ${ip}`,
  resetAddress: (email: string) => `reset ${email.toLowerCase()}`,
  resetIp: (ip: string) => `reset-ip ${ip}`,
};
