import ExcelJS from 'exceljs';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { listPlacementExportRows } from './actions.ts';

// The published result of a placement round as XLSX or CSV (semicolon, UTF-8 with BOM): every
// teacher with their internship and the rank they gave it, or the waitlist.

const cell = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportResults(deps: Deps, actor: Actor, networkId: string, roundId: string, locale: Locale, format: 'csv' | 'xlsx'): Promise<{ body: Uint8Array; type: string; filename: string }> {
  const { round, rows } = await listPlacementExportRows(deps, actor, networkId, roundId);
  const t = (code: string) => translate(locale, code);
  const yesNo = (b: boolean) => t(b ? 'YES' : 'NO');
  const head = ['TEACHER', 'EMAIL', 'OFFER', 'HOST', 'RANK', 'WAITLIST', 'MANUAL'].map((k) => t(`PLACEMENT_EXPORT_${k}`));
  const body = rows.map((r) => [r.teacher, r.email, r.offer, r.host, r.rank ?? '', yesNo(r.waitlist), yesNo(r.manual)] as (string | number)[]);
  const base = `docentstages-${round.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ronde'}`;
  if (format === 'csv') {
    return { body: new TextEncoder().encode('\uFEFF' + [head, ...body].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n'), type: 'text/csv; charset=utf-8', filename: `${base}.csv` };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('PLACEMENT_EXPORT_OFFER').slice(0, 31));
  sheet.addRow(head).font = { bold: true };
  for (const r of body) sheet.addRow(r);
  sheet.columns.forEach((c) => { c.width = 22; });
  return { body: new Uint8Array(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` };
}
