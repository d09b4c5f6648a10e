import ExcelJS from 'exceljs';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { listSpeeddateRoute } from './actions.ts';

// The rotation as a spreadsheet (XLSX) or CSV (semicolon-separated, UTF-8 with BOM): one row per
// seat — round, start, end, table, professional, teacher.

const hhmm = (d: Date) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);
const cell = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportSpeeddateRoute(deps: Deps, actor: Actor, networkId: string, eventId: string, locale: Locale, format: 'csv' | 'xlsx'): Promise<{ body: Uint8Array; type: string; filename: string }> {
  const route = await listSpeeddateRoute(deps, actor, networkId, eventId);
  const t = (code: string) => translate(locale, code);
  const head = [t('SPEEDDATE_ROUND'), t('SPEEDDATE_TIME'), '', t('SPEEDDATE_TABLE'), t('SPEEDDATE_PROFESSIONAL'), t('SPEEDDATE_TEACHER')];
  const rows = route.rows.map((r) => [r.round, hhmm(r.startAt), hhmm(r.endAt), r.tableNo, r.professional, r.teacher] as (string | number)[]);
  if (format === 'csv') {
    const text = '\uFEFF' + [head, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
    return { body: new TextEncoder().encode(text), type: 'text/csv; charset=utf-8', filename: 'speeddate.csv' };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('SPEEDDATE_EXPORT_SHEET'));
  sheet.addRow(head).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => { c.width = 18; });
  return { body: new Uint8Array(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'speeddate.xlsx' };
}
