import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cocreationStatements } from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import type { Mark } from '../session/schema.ts';

export async function createStatement(tx: Tx, networkId: AuthorizedNetworkId, values: { id: string; sessionId: string; participantId: string; domainKey: string; text: string }, at: Date) {
  const [row] = await tx.insert(cocreationStatements).values({ networkId, ...values, createdAt: at }).returning({ id: cocreationStatements.id });
  return row!.id;
}

/**
 * Sets (null: removes) a participant's mark on a statement of the session, in one statement;
 * returns whether the statement exists there (nothing is written when it does not).
 */
export async function upsertMarkOnStatement(
  tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, statementId: string, participantId: string, mark: Mark | null,
): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    with st as (
      select id from cocreation_statements where network_id = ${networkId}::uuid and session_id = ${sessionId}::uuid and id = ${statementId}::uuid
    ),
    put as (
      insert into cocreation_marks (network_id, statement_id, participant_id, mark)
      select ${networkId}::uuid, st.id, ${participantId}::uuid, ${mark}::text from st where ${mark}::text is not null
      on conflict (statement_id, participant_id) do update set mark = excluded.mark
      returning 1
    ),
    removed as (
      delete from cocreation_marks m using st
      where ${mark}::text is null and m.network_id = ${networkId}::uuid and m.statement_id = st.id and m.participant_id = ${participantId}::uuid
      returning 1
    )
    select exists (select 1 from st) as found`);
  return result.rows[0]!.found;
}

/**
 * Makes `domainKeys` the domains a participant attached a statement of the session to (when
 * `valid`), in one statement; returns whether the statement exists there.
 */
export async function replaceAttachmentsOnStatement(
  tx: Tx, networkId: AuthorizedNetworkId, sessionId: string, statementId: string, participantId: string, domainKeys: string[], valid: boolean,
): Promise<boolean> {
  const keys = `{${domainKeys.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`;
  const result = await tx.execute<{ found: boolean }>(sql`
    with st as (
      select id from cocreation_statements where network_id = ${networkId}::uuid and session_id = ${sessionId}::uuid and id = ${statementId}::uuid
    ),
    removed as (
      delete from cocreation_attachments a using st
      where ${valid}::boolean and a.network_id = ${networkId}::uuid and a.statement_id = st.id and a.participant_id = ${participantId}::uuid
        and not (a.domain_key = any(${keys}::text[]))
      returning 1
    ),
    put as (
      insert into cocreation_attachments (network_id, statement_id, participant_id, domain_key)
      select ${networkId}::uuid, st.id, ${participantId}::uuid, k from st, unnest(${keys}::text[]) k where ${valid}::boolean
      on conflict do nothing
      returning 1
    )
    select exists (select 1 from st) as found`);
  return result.rows[0]!.found;
}
