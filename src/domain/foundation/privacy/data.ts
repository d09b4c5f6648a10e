import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { PrivacyTable } from '../../area-module.ts';
import { throttleKeys } from '../auth/rules.ts';

// Reads of a person's rows in any table, driven by the areas' privacy declarations (SQL names).

export interface PersonKey {
  personId: string;
  email: string;
}

const ident = (name: string) => sql.identifier(name);

/** The condition "this row belongs to the person" through the given columns of a declaration. */
export function privacyRowCondition(decl: PrivacyTable, key: PersonKey, only?: readonly string[]): SQL | undefined {
  const wanted = (c: string) => !only || only.includes(c);
  const parts: SQL[] = [
    ...decl.personColumns.filter(wanted).map((c) => sql`${ident(c)} = ${key.personId}`),
    ...(decl.emailColumns ?? []).filter(wanted).map((c) => sql`lower(${ident(c)}) = lower(${key.email})`),
    ...(decl.personArrayColumns ?? []).filter(wanted).map((c) => sql`${ident(c)} @> jsonb_build_array(${key.personId}::text)`),
  ];
  if (decl.through && wanted(decl.through.column)) {
    const t = decl.through;
    parts.push(sql`${ident(t.column)} in (select id from ${ident(t.table)} where ${ident(t.personColumn)} = ${key.personId})`);
  }
  return parts.length ? sql.join(parts.map((p) => sql`(${p})`), sql` or `) : undefined;
}

/** The person's rows of one table, as stored (column names as in SQL). */
export async function listPersonRows(tx: Tx, table: string, decl: PrivacyTable, key: PersonKey): Promise<Record<string, unknown>[]> {
  const where = privacyRowCondition(decl, key);
  if (!where) return [];
  const result = await tx.execute(sql`select * from ${ident(table)} where ${where}`);
  return result.rows as Record<string, unknown>[];
}

/** The person's rows of one table without the given columns (a file's bytes), as JSON objects. */
export async function listPersonRowsWithout(tx: Tx, table: string, decl: PrivacyTable, key: PersonKey, omit: readonly string[]): Promise<Record<string, unknown>[]> {
  const where = privacyRowCondition(decl, key);
  if (!where) return [];
  const columns = sql`array[${sql.join(omit.map((c) => sql`${c}`), sql`, `)}]::text[]`;
  const result = await tx.execute(sql`select to_jsonb(t) - ${columns} as row from ${ident(table)} t where ${where} order by t.id`);
  return (result.rows as { row: Record<string, unknown> }[]).map((r) => r.row);
}

/** The bytes of the file stored in one row (by id), read one at a time for the export. */
export async function getRowFileBytes(tx: Tx, table: string, id: string, bytesColumn: string): Promise<Buffer | undefined> {
  const result = await tx.execute(sql`select ${ident(bytesColumn)} as bytes from ${ident(table)} where id = ${id}`);
  return (result.rows[0] as { bytes: Buffer } | undefined)?.bytes;
}

/** How many of the person's rows one table holds. */
export async function countPersonRows(tx: Tx, table: string, decl: PrivacyTable, key: PersonKey): Promise<number> {
  const where = privacyRowCondition(decl, key);
  if (!where) return 0;
  const result = await tx.execute(sql`select count(*)::int as n from ${ident(table)} where ${where}`);
  return Number((result.rows[0] as { n: number } | undefined)?.n ?? 0);
}

/** Networks in which the person is the only network coordinator (erasure must wait for a successor). */
export async function listNetworksWithOnlyCoordinator(tx: Tx, personId: string) {
  const result = await tx.execute(sql`
    select n.id as "networkId", n.name as "networkName"
    from memberships m join networks n on n.id = m.network_id
    where m.person_id = ${personId} and m.role = 'network_coordinator'
      and not exists (
        select 1 from memberships o join people p on p.id = o.person_id
        where o.network_id = m.network_id and o.role = 'network_coordinator' and o.person_id <> ${personId} and p.erased_at is null)
    order by n.name`);
  return result.rows as { networkId: string; networkName: string }[];
}

/**
 * The login and reset throttling kept under the person's e-mail address (auth_throttle has no
 * person column: its keys are `login <e-mail>`, `login <e-mail> <ip>` and `reset <e-mail>`).
 */
export function throttleRowCondition(email: string): SQL {
  const login = throttleKeys.loginAccount(email);
  return sql`(key = ${login} or starts_with(key, ${`${login} `}) or key = ${throttleKeys.resetAddress(email)})`;
}

export async function listPersonThrottles(tx: Tx, key: PersonKey): Promise<Record<string, unknown>[]> {
  return (await tx.execute(sql`select * from auth_throttle where ${throttleRowCondition(key.email)} order by key`)).rows as Record<string, unknown>[];
}

export async function countPersonThrottles(tx: Tx, key: PersonKey): Promise<number> {
  const result = await tx.execute(sql`select count(*)::int as n from auth_throttle where ${throttleRowCondition(key.email)}`);
  return Number((result.rows[0] as { n: number } | undefined)?.n ?? 0);
}

/** Audit events by others that name the person's e-mail address in their data (an invitation, a removal). */
export async function countAuditMentions(tx: Tx, key: PersonKey): Promise<number> {
  const result = await tx.execute(sql`select count(*)::int as n from audit_log where lower(data->>'email') = lower(${key.email})`);
  return Number((result.rows[0] as { n: number } | undefined)?.n ?? 0);
}
