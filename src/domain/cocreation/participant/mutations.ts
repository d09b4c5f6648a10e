import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationParticipants } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createParticipant(
  tx: Tx,
  networkId: AuthorizedNetworkId,
  values: { sessionId: string; tokenHash: string; displayName: string; personId: string | null; institutionId: string | null; subgroupId: string | null },
  at: Date,
) {
  const [row] = await tx.insert(cocreationParticipants).values({ networkId, ...values, createdAt: at, rateWindowStart: at }).returning();
  return row!;
}

export async function updateParticipantToken(tx: Tx, networkId: AuthorizedNetworkId, id: string, tokenHash: string) {
  await tx.update(cocreationParticipants).set({ tokenHash }).where(and(eq(cocreationParticipants.networkId, networkId), eq(cocreationParticipants.id, id)));
}

/** A writing participant as recognised by `updateParticipantRateByCredentials`. */
export interface CountedParticipant { id: string; displayName: string; subgroupId: string | null; rateCount: number }

/**
 * Recognises a participant of a session and counts their write against the flood limit, in one
 * statement: the participant holding the token hash, else (for a logged-in member of the session's
 * network, `memberNetworkIds`) the one who joined as `personId`. Returns the session's network
 * (undefined: no such session) and the counted participant (undefined: not joined).
 */
export async function updateParticipantRateByCredentials(
  tx: Tx, sessionId: string, tokenHash: string | null, personId: string | null, memberNetworkIds: string[], now: Date, windowMs: number,
): Promise<{ networkId: string | undefined; participant: CountedParticipant | undefined }> {
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const networks = `{${memberNetworkIds.join(',')}}`;
  const result = await tx.execute<{ networkId: string; id: string | null; displayName: string | null; subgroupId: string | null; rateCount: number | null }>(sql`
    with s as (select id, network_id from cocreation_sessions where id = ${sessionId}::uuid),
    p as (
      select p.id from cocreation_participants p join s on p.session_id = s.id and p.network_id = s.network_id
      where p.token_hash = ${tokenHash}::text or (p.person_id = ${personId}::uuid and s.network_id = any(${networks}::uuid[]))
      order by coalesce(p.token_hash = ${tokenHash}::text, false) desc
      limit 1
    ),
    u as (
      update cocreation_participants c set
        rate_count = case when c.rate_window_start > ${windowStart}::timestamptz then c.rate_count + 1 else 1 end,
        rate_window_start = case when c.rate_window_start > ${windowStart}::timestamptz then c.rate_window_start else ${now.toISOString()}::timestamptz end
      from p where c.id = p.id
      returning c.id, c.display_name, c.subgroup_id, c.rate_count
    )
    select s.network_id as "networkId", u.id, u.display_name as "displayName", u.subgroup_id as "subgroupId", u.rate_count as "rateCount"
    from s left join u on true`);
  const row = result.rows[0];
  if (!row) return { networkId: undefined, participant: undefined };
  return {
    networkId: row.networkId,
    participant: row.id ? { id: row.id, displayName: row.displayName!, subgroupId: row.subgroupId, rateCount: row.rateCount! } : undefined,
  };
}
