import { AppError } from '../../../lib/errors.ts';
import type { Tx } from '../../../db/client.ts';
import type { Actor, Deps, RequestInfo } from '../auth/types.ts';
import type { PrivacyTable } from '../../area-module.ts';
import { recordAccountAudit } from '../network/mutations.ts';
import {
  countAuditMentions, countPersonRows, countPersonThrottles, getRowFileBytes, listNetworksWithOnlyCoordinator, listPersonRows, listPersonRowsWithout, listPersonThrottles, type PersonKey,
} from './data.ts';
import { eraseAuditMentions, erasePersonRows, erasePersonThrottles, markPersonErased } from './mutations.ts';
import { renderDataExportZip, type ExportedFile, type ExportedTable } from './render-data-export.ts';
import { uploadSafeName } from '../../../lib/upload-file.ts';
import type { ErasureConfirm, ErasurePlan, ErasureResult } from './schema.ts';

// A person's own data: download it all, see what erasure does, and erase it in one transaction.
// What each table holds and what happens to it is declared by its area (`privacy` in module.ts).

type Declared = PrivacyTable & { area: string; table: string };

const keyOf = (actor: Actor): PersonKey => ({ personId: actor.personId, email: actor.email });
/** The person's own row last: the other tables are matched by the e-mail address it still holds. */
const inErasureOrder = (tables: readonly Declared[]) => [...tables.filter((t) => t.table !== 'people'), ...tables.filter((t) => t.table === 'people')];

// Kept under the person's e-mail address rather than a person column, so outside the declarations.
const THROTTLE_NOTE = 'Login and password-reset throttling under the person\'s e-mail address (attempts, delays, IP addresses tried from).';
const AUDIT_MENTION_NOTE = 'Audit events by others that name the person\'s e-mail address (an invitation, a removal): the address becomes the placeholder\'s.';

/** The anonymous placeholder's e-mail address (as the people declaration sets it). */
function placeholderEmail(tables: readonly Declared[], personId: string): string {
  const value = tables.find((t) => t.table === 'people')?.anonymise?.email;
  return (typeof value === 'string' ? value : 'verwijderd-{id}@kruispunt.invalid').replaceAll('{id}', personId);
}

/** At most this many bytes of stored files go into one export; the rest is listed (`file: null`) and stays downloadable in the app. */
export const EXPORT_FILES_MAX_BYTES = 100 * 1024 * 1024;

/** The rows of a table that stores files, without the bytes; each file (read one at a time) joins `files`, and its row names its path. */
async function exportStoredFiles(tx: Tx, decl: Declared, key: PersonKey, files: ExportedFile[]): Promise<Record<string, unknown>[]> {
  const spec = decl.exportFile!;
  const rows = await listPersonRowsWithout(tx, decl.table, decl, key, [spec.bytes, ...(decl.omitFromExport ?? [])]);
  let total = files.reduce((n, f) => n + f.bytes.length, 0);
  for (const row of rows) {
    const id = String(row.id);
    const bytes = total < EXPORT_FILES_MAX_BYTES ? await getRowFileBytes(tx, decl.table, id, spec.bytes) : undefined;
    if (!bytes || total + bytes.length > EXPORT_FILES_MAX_BYTES) {
      row.file = null;
      continue;
    }
    const path = `files/${decl.table}/${id}-${uploadSafeName(String(row[spec.name] ?? '')) || 'file'}`;
    files.push({ path, bytes });
    total += bytes.length;
    row.file = path;
  }
  return rows;
}

/** All data Kruispunt holds about the actor: a ZIP with JSON per table, an HTML summary and the files they stored. */
export async function exportOwnData(deps: Deps, actor: Actor, request: RequestInfo): Promise<{ filename: string; zip: Uint8Array }> {
  const key = keyOf(actor);
  const now = deps.now();
  const tables: ExportedTable[] = [];
  const files: ExportedFile[] = [];
  await deps.db.transaction(async (tx) => {
    for (const decl of deps.ports.privacyTables.filter((t) => t.export)) {
      if (decl.exportFile) {
        tables.push({ area: decl.area, table: decl.table, note: decl.note, rows: await exportStoredFiles(tx, decl, key, files) });
        continue;
      }
      const rows = (await listPersonRows(tx, decl.table, decl, key)).map((row) => {
        const copy = { ...row };
        for (const c of decl.omitFromExport ?? []) delete copy[c];
        return copy;
      });
      tables.push({ area: decl.area, table: decl.table, note: decl.note, rows });
    }
    tables.push({ area: 'foundation', table: 'auth_throttle', note: THROTTLE_NOTE, rows: await listPersonThrottles(tx, key) });
    await recordAccountAudit(tx, actor.personId, 'data_export', { ip: request.ip, tables: tables.filter((t) => t.rows.length).length });
  }, { isolationLevel: 'repeatable read', accessMode: 'read write' });
  const zip = renderDataExportZip({ name: actor.name, email: actor.email }, tables, request.locale, now, files);
  return { filename: `kruispunt-gegevens-${now.toISOString().slice(0, 10)}.zip`, zip };
}

/** What erasure would do: per table with the actor's rows, how many and what happens; and what blocks it. */
export async function readErasurePlan(deps: Deps, actor: Actor): Promise<ErasurePlan> {
  const key = keyOf(actor);
  const blockedBy = (await listNetworksWithOnlyCoordinator(deps.db, actor.personId)).map((n) => ({ ...n, code: 'LAST_COORDINATOR' as const }));
  const steps: ErasurePlan['steps'] = [];
  for (const decl of deps.ports.privacyTables) {
    const rows = await countPersonRows(deps.db, decl.table, decl, key);
    if (rows > 0) steps.push({ area: decl.area, table: decl.table, rows, erase: decl.erase, note: decl.note });
  }
  const throttles = await countPersonThrottles(deps.db, key);
  if (throttles > 0) steps.push({ area: 'foundation', table: 'auth_throttle', rows: throttles, erase: 'delete', note: THROTTLE_NOTE });
  const mentions = await countAuditMentions(deps.db, key);
  if (mentions > 0) steps.push({ area: 'foundation', table: 'audit_log', rows: mentions, erase: 'anonymise', note: AUDIT_MENTION_NOTE });
  return { blockedBy, steps };
}

/**
 * Erases the actor: their texts and personal data are removed, records others need keep an
 * anonymous placeholder, the account ends (sessions too). All of it in one transaction; refused
 * with LAST_COORDINATOR while they are the only coordinator of a network.
 */
export async function eraseOwnData(deps: Deps, actor: Actor, confirm: ErasureConfirm, request: RequestInfo): Promise<ErasureResult> {
  if (confirm.email !== actor.email.toLowerCase()) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'email', code: 'FIELD_CONFIRMATION_MISMATCH' }] });
  }
  const key = keyOf(actor);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const only = await listNetworksWithOnlyCoordinator(tx, actor.personId);
    if (only.length) throw new AppError('LAST_COORDINATOR', { networks: only.map((n) => n.networkName).join(', ') });
    // Recorded first, in every network the person belongs to, with the person as (soon anonymous) actor.
    await recordAccountAudit(tx, actor.personId, 'erasure', { ip: request.ip });
    for (const decl of inErasureOrder(deps.ports.privacyTables)) await erasePersonRows(tx, decl.table, decl, key);
    await erasePersonThrottles(tx, key);
    await eraseAuditMentions(tx, key, placeholderEmail(deps.ports.privacyTables, actor.personId));
    await markPersonErased(tx, actor.personId, now);
  });
  deps.log.info({ personId: actor.personId }, 'person erased at their request');
  return { ok: true, erasedAt: now.toISOString() };
}
