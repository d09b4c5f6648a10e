import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import type { PrivacyErase, PrivacyTable } from '../../area-module.ts';
import { privacyRowCondition, throttleRowCondition, type PersonKey } from './data.ts';

// Erasure of a person's rows in any table, driven by the areas' privacy declarations. Always
// called inside one transaction with all other tables (no half-erased person).

const ident = (name: string) => sql.identifier(name);
type Value = string | number | boolean | null | readonly unknown[];

const bind = (value: Value, personId: string) => {
  if (value === null) return sql`null`;
  if (Array.isArray(value)) return sql`${JSON.stringify(value)}::jsonb`;
  if (typeof value === 'string') return sql`${value.replaceAll('{id}', personId)}`;
  return sql`${value}`;
};

/** The columns (person, e-mail, array, through) of a declaration, grouped by what erasure does with their rows. */
function columnsByErase(decl: PrivacyTable): Map<PrivacyErase, string[]> {
  const groups = new Map<PrivacyErase, string[]>();
  const all = [...decl.personColumns, ...(decl.emailColumns ?? []), ...(decl.through ? [decl.through.column] : [])];
  for (const c of all) {
    const kind = decl.eraseBy?.[c] ?? decl.erase;
    groups.set(kind, [...(groups.get(kind) ?? []), c]);
  }
  return groups;
}

/** Deletes or anonymises the person's rows of one table; removes their id from id arrays. Returns the rows touched. */
export async function erasePersonRows(tx: Tx, table: string, decl: PrivacyTable, key: PersonKey): Promise<number> {
  let touched = 0;
  const groups = columnsByErase(decl);
  const deleteWhere = groups.get('delete') ? privacyRowCondition({ ...decl, personArrayColumns: [] }, key, groups.get('delete')) : undefined;
  if (deleteWhere) touched += (await tx.execute(sql`delete from ${ident(table)} where ${deleteWhere}`)).rowCount ?? 0;
  for (const column of groups.get('anonymise') ?? []) {
    const values = decl.anonymiseBy?.[column] ?? decl.anonymise ?? {};
    const sets = Object.entries(values).map(([c, v]) => sql`${ident(c)} = ${bind(v, key.personId)}`);
    const where = privacyRowCondition({ ...decl, personArrayColumns: [] }, key, [column]);
    if (!sets.length || !where) continue;
    touched += (await tx.execute(sql`update ${ident(table)} set ${sql.join(sets, sql`, `)} where ${where}`)).rowCount ?? 0;
  }
  for (const column of decl.personArrayColumns ?? []) {
    const result = await tx.execute(sql`update ${ident(table)} set ${ident(column)} = ${ident(column)} - ${key.personId}::text
      where ${ident(column)} @> jsonb_build_array(${key.personId}::text)`);
    touched += result.rowCount ?? 0;
  }
  return touched;
}

/** The person's row becomes the anonymous placeholder: records others need keep pointing at it. */
export async function markPersonErased(tx: Tx, personId: string, now: Date) {
  await tx.execute(sql`update people set erased_at = ${now.toISOString()}::timestamptz where id = ${personId}`);
}

/** The login and reset throttling kept under the person's e-mail address. Returns the rows removed. */
export async function erasePersonThrottles(tx: Tx, key: PersonKey): Promise<number> {
  return (await tx.execute(sql`delete from auth_throttle where ${throttleRowCondition(key.email)}`)).rowCount ?? 0;
}

/** The person's e-mail address in audit events' data becomes the placeholder's address. Returns the rows changed. */
export async function eraseAuditMentions(tx: Tx, key: PersonKey, placeholderEmail: string): Promise<number> {
  const result = await tx.execute(sql`update audit_log set data = jsonb_set(data, '{email}', to_jsonb(${placeholderEmail}::text))
    where lower(data->>'email') = lower(${key.email})`);
  return result.rowCount ?? 0;
}
