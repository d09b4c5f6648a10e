import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { people, sessions, passwordResets, memberships, identityProviders, identityProviderInstitutions } from '../../../db/schema/index.ts';
import type { Actor, ActorMembership } from './types.ts';
import type { Locale, Role } from '../person/schema.ts';

export async function getPersonByEmail(tx: Tx, email: string) {
  const rows = await tx.select().from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`).limit(1);
  return rows[0];
}

/**
 * A person's memberships with network and institution names, as one JSON array column: the
 * actor is read in a single query (it runs on every authenticated request).
 */
function membershipsJson() {
  // Written out in SQL with aliases: inside a subquery the table names must be spelled in full.
  return sql<ActorMembership[]>`coalesce((
    select json_agg(json_build_object(
      'networkId', m.network_id, 'networkName', n.name, 'institutionId', m.institution_id,
      'institutionName', i.name, 'role', m.role) order by n.name, m.role, i.name)
    from memberships m
    join networks n on n.id = m.network_id
    left join institutions i on i.id = m.institution_id
    where m.person_id = "people"."id"), '[]'::json)`;
}

const actorColumns = {
  personId: people.id, name: people.name, email: people.email, locale: people.locale, memberships: membershipsJson(),
};

function actorFromRow(row: { personId: string; name: string; email: string; locale: string; memberships: ActorMembership[] }): Actor {
  return { ...row, locale: (row.locale === 'en' ? 'en' : 'nl') as Locale, memberships: row.memberships.map((m) => ({ ...m, role: m.role as Role })) };
}

export async function getActor(tx: Tx, personId: string): Promise<Actor | undefined> {
  const [row] = await tx.select(actorColumns).from(people).where(eq(people.id, personId)).limit(1);
  return row ? actorFromRow(row) : undefined;
}

/** The session's actor in one round trip, as a named prepared statement (parsed once per connection). */
const sessionActorQueries = new WeakMap<object, ReturnType<typeof sessionActorPrepare>>();
function sessionActorPrepare(tx: Tx) {
  return tx.select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, rotate: sessions.rotate })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(and(
      eq(sessions.tokenHash, sql.placeholder('hash')),
      sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
      sql`${sessions.lastSeenAt} > ${sql.placeholder('idleSince')}::timestamptz`,
    ))
    .limit(1)
    .prepare('kp_session_actor_v3');
}

/** The session's actor, when the session has not reached its absolute end and was used since `idleSince`. */
export async function getSessionActor(tx: Tx, hash: string, now: Date, idleSince: Date): Promise<{ actor: Actor; lastSeenAt: Date; expiresAt: Date; rotate: boolean } | undefined> {
  let query = sessionActorQueries.get(tx);
  if (!query) sessionActorQueries.set(tx, (query = sessionActorPrepare(tx)));
  const [row] = await query.execute({ hash, now: now.toISOString(), idleSince: idleSince.toISOString() });
  if (!row) return undefined;
  const { lastSeenAt, expiresAt, rotate, ...actor } = row;
  return { actor: actorFromRow(actor), lastSeenAt: new Date(lastSeenAt), expiresAt: new Date(expiresAt), rotate };
}

export async function getSession(tx: Tx, hash: string) {
  const [row] = await tx.select().from(sessions).where(eq(sessions.tokenHash, hash)).limit(1);
  return row;
}

export async function countSessionsOfPerson(tx: Tx, personId: string) {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.personId, personId));
  return row?.n ?? 0;
}

export async function getPasswordReset(tx: Tx, hash: string) {
  const [row] = await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, hash)).limit(1);
  return row;
}

/** Whether one of the person's institutions requires login through its identity provider (then passwords are refused). */
export async function hasRequiredProvider(tx: Tx, personId: string): Promise<boolean> {
  const rows = await tx.select({ one: sql<number>`1` }).from(memberships)
    .innerJoin(identityProviderInstitutions, and(
      eq(identityProviderInstitutions.institutionId, memberships.institutionId),
      eq(identityProviderInstitutions.required, true),
    ))
    .innerJoin(identityProviders, and(eq(identityProviders.id, identityProviderInstitutions.providerId), eq(identityProviders.enabled, true)))
    .where(eq(memberships.personId, personId)).limit(1);
  return rows.length > 0;
}
