import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { sessions, authThrottle, passwordResets, people } from '../../../db/schema/index.ts';
import { throttleClaim, type ThrottlePolicy } from './rules.ts';

export async function createSession(tx: Tx, values: { tokenHash: string; personId: string; expiresAt: Date; now: Date; providerId?: string | null; idTokenHint?: string | null }) {
  const { now, ...rest } = values;
  await tx.insert(sessions).values({ ...rest, createdAt: now, lastSeenAt: now });
}

/** Replaces a session's token (rotation): same person, provider and absolute expiry; the old token stops working. */
export async function rotateSession(tx: Tx, oldHash: string, newHash: string, now: Date) {
  const rows = await tx.update(sessions).set({ tokenHash: newHash, rotate: false, lastSeenAt: now })
    .where(eq(sessions.tokenHash, oldHash)).returning({ personId: sessions.personId });
  return rows.length > 0;
}

export async function touchSession(tx: Tx, tokenHash: string, now: Date) {
  await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

/** The person's roles changed: each of their sessions gets a new token on its next request. */
export async function markSessionsForRotation(tx: Tx, personId: string) {
  await tx.update(sessions).set({ rotate: true }).where(eq(sessions.personId, personId));
}

/** Sessions past their absolute end or idle for too long. */
export async function pruneSessions(tx: Tx, now: Date, idleSince: Date) {
  await tx.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
}

export async function deleteSession(tx: Tx, tokenHash: string) {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfPerson(tx: Tx, personId: string) {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
}

/**
 * Claims every key at once, or none: the rows are locked (in key order, so parallel claims cannot
 * deadlock) and stay locked until the caller's transaction ends, so a burst of parallel requests is
 * counted one by one. Call inside a transaction, before the expensive or revealing work; `clock` is
 * read once the rows are locked.
 */
export async function claimThrottles(
  tx: Tx,
  claims: readonly { key: string; policy: ThrottlePolicy }[],
  clock: () => Date,
): Promise<{ allowed: true; delaysStarted: { key: string; until: Date }[] } | { allowed: false; retryAfterSeconds: number }> {
  const keys = [...new Set(claims.map((c) => c.key))].sort();
  await tx.insert(authThrottle).values(keys.map((key) => ({ key, attempts: 0, level: 0, lockedUntil: null, lastAt: clock() }))).onConflictDoNothing();
  const rows = await tx.select().from(authThrottle).where(inArray(authThrottle.key, keys)).orderBy(asc(authThrottle.key)).for('update');
  const now = clock(); // the moment the rows are ours, not when the request began to wait for them
  const decisions = claims.map((c) => ({ key: c.key, decision: throttleClaim(rows.find((r) => r.key === c.key), now, c.policy) }));
  const refused = decisions.flatMap((d) => (d.decision.allowed ? [] : [d.decision.retryAfterSeconds]));
  if (refused.length) return { allowed: false, retryAfterSeconds: Math.max(...refused) };
  for (const { key, decision } of decisions) if (decision.allowed) await tx.update(authThrottle).set(decision.next).where(eq(authThrottle.key, key));
  return {
    allowed: true,
    delaysStarted: decisions.flatMap((d) => (d.decision.allowed && d.decision.delayStarted && d.decision.next.lockedUntil ? [{ key: d.key, until: d.decision.next.lockedUntil }] : [])),
  };
}

export async function deleteThrottles(tx: Tx, keys: string[]) {
  if (keys.length) await tx.delete(authThrottle).where(inArray(authThrottle.key, keys));
}

/** Every key that starts with one of these prefixes (e.g. all addresses an account was tried from). */
export async function deleteThrottlesByPrefix(tx: Tx, prefix: string) {
  await tx.delete(authThrottle).where(sql`starts_with(${authThrottle.key}, ${prefix})`);
}

/** Keys that have been quiet since `before` and are not in a delay. */
export async function pruneThrottles(tx: Tx, before: Date, now: Date) {
  await tx.delete(authThrottle).where(and(lt(authThrottle.lastAt, before), or(isNull(authThrottle.lockedUntil), lt(authThrottle.lockedUntil, now))));
}

export async function createPasswordReset(tx: Tx, values: { tokenHash: string; personId: string; expiresAt: Date }) {
  await tx.insert(passwordResets).values(values);
}

export async function markPasswordResetUsed(tx: Tx, tokenHash: string, at: Date) {
  await tx.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.tokenHash, tokenHash)));
}

export async function updatePassword(tx: Tx, personId: string, passwordHash: string) {
  await tx.update(people).set({ passwordHash }).where(eq(people.id, personId));
}
