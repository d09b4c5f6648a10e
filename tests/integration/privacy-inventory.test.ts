import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../../src/db/schema/index.ts';
import { areas } from '../../src/server/modules.ts';

// docs/privacy.md lists every table of the schema in its data inventory: a new table without an
// inventory line fails here, and so does a line for a table that no longer exists.

const inventory = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
const listed = new Set([...inventory.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]!));
const tablesOf = (values: Record<string, unknown>) => Object.values(values).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t).name);

describe('the data inventory in docs/privacy.md', () => {
  it('lists every table of the schema', () => {
    const missing = tablesOf(schema).filter((t) => !listed.has(t));
    expect(missing).toEqual([]);
  });

  it('lists every table of every area, and no table that does not exist', () => {
    const all = new Set([...tablesOf(schema), ...areas.flatMap((a) => tablesOf(a.module.tables))]);
    expect(areas.flatMap((a) => tablesOf(a.module.tables)).filter((t) => !listed.has(t))).toEqual([]);
    expect([...listed].filter((t) => !all.has(t))).toEqual([]);
  });

  it('is written in Dutch and English', () => {
    expect(inventory).toContain('## 1. Nederlands');
    expect(inventory).toContain('## 2. English');
    expect(inventory).toMatch(/BSN/);
  });
});
