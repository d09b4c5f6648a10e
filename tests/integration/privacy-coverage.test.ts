import { describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { areas } from '../../src/server/modules.ts';
import { people } from '../../src/db/schema/index.ts';

// Walks every table of every area and fails when a table that refers to a person (a foreign key
// to people.id, or a column named person_id / *_person_id / *_person_ids) is not covered by the
// area's privacy declaration (export and erasure), or when a declaration names a column or table
// that does not exist. A new table with a person reference fails here until its area says what
// export and erasure do with it.

const personName = /(^|_)person_ids?$/;

function tablesOf(module: { tables: Record<string, unknown> }) {
  return Object.values(module.tables).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t));
}

describe('privacy declarations cover every table with a person reference', () => {
  for (const area of areas) {
    const module = area.module;
    it(`${module.name}: every person reference is exported and erased as declared`, () => {
      const problems: string[] = [];
      const configs = tablesOf(module);
      const declared = module.privacy?.tables ?? {};
      for (const config of configs) {
        const fkColumns = config.foreignKeys
          .map((fk) => fk.reference())
          .filter((ref) => ref.foreignTable === people)
          .flatMap((ref) => ref.columns.map((c) => c.name));
        const named = config.columns.map((c) => c.name).filter((n) => personName.test(n));
        const references = [...new Set([...fkColumns, ...named, ...(config.name === 'people' ? ['id'] : [])])];
        const decl = declared[config.name];
        if (!decl) {
          if (references.length) problems.push(`${config.name}: refers to a person (${references.join(', ')}) but has no privacy declaration`);
          continue;
        }
        const covered = new Set([...decl.personColumns, ...(decl.personArrayColumns ?? [])]);
        for (const c of references) if (!covered.has(c)) problems.push(`${config.name}.${c}: a person reference that the declaration does not cover`);
        const columns = new Set(config.columns.map((c) => c.name));
        const named2 = [
          ...decl.personColumns, ...(decl.personArrayColumns ?? []), ...(decl.emailColumns ?? []), ...(decl.omitFromExport ?? []),
          ...Object.keys(decl.anonymise ?? {}), ...Object.keys(decl.eraseBy ?? {}),
          ...Object.values(decl.anonymiseBy ?? {}).flatMap((v) => Object.keys(v)), ...Object.keys(decl.anonymiseBy ?? {}),
          ...(decl.through ? [decl.through.column] : []), ...(decl.exportFile ? [decl.exportFile.bytes, decl.exportFile.name, 'id'] : []),
        ];
        for (const c of named2) if (!columns.has(c)) problems.push(`${config.name}.${c}: declared but not a column`);
        const matching = [...decl.personColumns, ...(decl.emailColumns ?? []), ...(decl.personArrayColumns ?? []), ...(decl.through ? [decl.through.column] : [])];
        if (!matching.length) problems.push(`${config.name}: a declaration that matches no rows (no person, e-mail, array or through column)`);
        const anonymised = [decl.erase, ...Object.values(decl.eraseBy ?? {})].includes('anonymise');
        if (anonymised && !decl.anonymise && !decl.anonymiseBy) problems.push(`${config.name}: erase 'anonymise' without the columns to overwrite`);
        if (!decl.note.trim()) problems.push(`${config.name}: declaration without a note`);
      }
      const names = new Set(configs.map((c) => c.name));
      for (const table of Object.keys(declared)) if (!names.has(table)) problems.push(`${table}: declared, but not a table of the area ${module.name}`);
      expect(problems).toEqual([]);
    });
  }

  it('a through declaration names a declared parent table and its person column', () => {
    const all = areas.flatMap((a) => tablesOf(a.module));
    const problems: string[] = [];
    for (const area of areas) {
      for (const [table, decl] of Object.entries(area.module.privacy?.tables ?? {})) {
        if (!decl.through) continue;
        const parent = all.find((c) => c.name === decl.through!.table);
        if (!parent) problems.push(`${table}: through an unknown table ${decl.through.table}`);
        else if (!parent.columns.some((c) => c.name === decl.through!.personColumn)) problems.push(`${table}: ${decl.through.table}.${decl.through.personColumn} is not a column`);
      }
    }
    expect(problems).toEqual([]);
  });
});
