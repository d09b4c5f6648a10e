import { and, eq, gt, gte, sql, count } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { people, memberships, sessions, loginAttempts, passwordResets } from '../../../db/schema/index.ts';
import type { Actor } from './types.ts';
import type { Locale, Role } from '../person/schema.ts';

export async function getPersonByEmail(tx: Tx, email: string) {
  const rows = await tx.select().from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`).limit(1);
  return rows[0];
}

export async function getActor(tx: Tx, personId: string): Promise<Actor | undefined> {
  const [person] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person) return undefined;
  const rows = await tx
    .select({ networkId: memberships.networkId, institutionId: memberships.institutionId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    locale: (person.locale === 'en' ? 'en' : 'nl') as Locale,
    memberships: rows.map((r) => ({ ...r, role: r.role as Role })),
  };
}

export async function getSessionPersonId(tx: Tx, hash: string, now: Date): Promise<string | undefined> {
  const [row] = await tx
    .select({ personId: sessions.personId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row?.personId;
}

export async function countLoginFailures(tx: Tx, key: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gte(loginAttempts.at, since)));
  return row?.n ?? 0;
}

export async function getPasswordReset(tx: Tx, hash: string) {
  const [row] = await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, hash)).limit(1);
  return row;
}
