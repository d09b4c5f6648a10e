import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';

/** Removes the rows of a table whose timestamp column lies before the cut-off; returns how many. */
export async function deleteRowsOlderThan(tx: Tx, table: string, column: string, cutoff: Date): Promise<number> {
  const result = await tx.execute(sql`delete from ${sql.identifier(table)} where ${sql.identifier(column)} < ${cutoff.toISOString()}::timestamptz`);
  return result.rowCount ?? 0;
}
