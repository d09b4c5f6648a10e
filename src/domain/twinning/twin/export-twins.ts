import ExcelJS from 'exceljs';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { listTwinningExportRows } from './actions.ts';

// The coordinator's overview of every twin and its meetings with hours, as XLSX or CSV (semicolon, UTF-8 with BOM).

const cell = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportTwins(deps: Deps, actor: Actor, networkId: string, locale: Locale, format: 'csv' | 'xlsx'): Promise<{ body: Uint8Array; type: string; filename: string }> {
  const rows = await listTwinningExportRows(deps, actor, networkId);
  const t = (code: string) => translate(locale, code);
  const head = [t('TWIN_EXPORT_TEACHER'), t('TWIN_EXPORT_PROFESSIONAL'), t('TWIN_EXPORT_STATUS'), t('TWIN_EXPORT_FORM'), t('TWIN_EXPORT_DATE'), t('TWIN_EXPORT_MEETING_STATUS'), t('TWIN_EXPORT_HOURS')];
  const body = rows.map((r) => [r.teacher, r.professional, r.status, r.form ? t(`TWIN_FORM_${r.form.toUpperCase()}`) : '', r.date, r.meetingStatus, r.hours] as (string | number)[]);
  if (format === 'csv') {
    return { body: new TextEncoder().encode('\uFEFF' + [head, ...body].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n'), type: 'text/csv; charset=utf-8', filename: 'job-twinning.csv' };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Job Twinning');
  sheet.addRow(head).font = { bold: true };
  for (const r of body) sheet.addRow(r);
  sheet.columns.forEach((c) => { c.width = 20; });
  return { body: new Uint8Array(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: 'job-twinning.xlsx' };
}
