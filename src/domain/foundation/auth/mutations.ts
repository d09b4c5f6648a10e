import { and, eq, lt } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { sessions, loginAttempts, passwordResets, people } from '../../../db/schema/index.ts';

export async function createSession(tx: Tx, values: { tokenHash: string; personId: string; expiresAt: Date; now: Date }) {
  await tx.insert(sessions).values({ ...values, createdAt: values.now, lastSeenAt: values.now });
}

export async function deleteSession(tx: Tx, tokenHash: string) {
  await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfPerson(tx: Tx, personId: string) {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
}

export async function recordLoginFailure(tx: Tx, key: string, at: Date) {
  await tx.insert(loginAttempts).values({ key, at });
}

export async function clearLoginFailures(tx: Tx, key: string) {
  await tx.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export async function pruneLoginFailures(tx: Tx, before: Date) {
  await tx.delete(loginAttempts).where(lt(loginAttempts.at, before));
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
