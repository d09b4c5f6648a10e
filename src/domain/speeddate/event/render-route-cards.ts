import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { listSpeeddateRoute } from './actions.ts';

// Printable route cards: one page per teacher (round, time, table, professional; a break where
// they wait) and one page per table (round, time, the teachers who sit down).

const hhmm = (d: Date) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);


function table(doc: PDFKit.PDFDocument, head: string[], rows: string[][], widths: number[]) {
  const left = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(13);
    let x = left;
    let h = 0;
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: widths[i]! - 8 });
      h = Math.max(h, doc.y - y);
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h + 6;
  };
  line(head, true);
  for (const r of rows) line(r, false);
}

export async function renderSpeeddateRouteCards(deps: Deps, actor: Actor, networkId: string, eventId: string, locale: Locale): Promise<Buffer> {
  const route = await listSpeeddateRoute(deps, actor, networkId, eventId);
  const t = (code: string, params?: Record<string, string | number>) => translate(locale, code, params);
  const doc = new PDFDocument({ size: 'A5', margin: 40, autoFirstPage: false, info: { Title: route.event.title } });
  const header = (title: string) => {
    doc.addPage();
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(`${route.event.title} · ${route.event.place}`);
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(20).moveDown(0.3).text(title).moveDown(0.6);
  };
  for (const teacher of route.teachers) {
    header(t('SPEEDDATE_ROUTE_TITLE', { name: teacher.name }));
    const rows = route.times.map((time) => {
      const seat = route.rows.find((r) => r.round === time.round && r.teacherId === teacher.id);
      return [String(time.round), `${hhmm(time.startAt)}–${hhmm(time.endAt)}`, seat ? String(seat.tableNo) : '—', seat ? seat.professional : t('SPEEDDATE_PAUSE')];
    });
    table(doc, [t('SPEEDDATE_ROUND'), t('SPEEDDATE_TIME'), t('SPEEDDATE_TABLE'), t('SPEEDDATE_PROFESSIONAL')], rows, [60, 100, 50, 140]);
  }
  for (const tbl of route.tables) {
    header(t('SPEEDDATE_TABLE_TITLE', { table: tbl.tableNo, name: tbl.name }));
    const rows = route.times.map((time) => [
      String(time.round), `${hhmm(time.startAt)}–${hhmm(time.endAt)}`,
      route.rows.filter((r) => r.round === time.round && r.professionalId === tbl.id).map((r) => r.teacher).join(', ') || '—',
    ]);
    table(doc, [t('SPEEDDATE_ROUND'), t('SPEEDDATE_TIME'), t('SPEEDDATE_TEACHERS')], rows, [60, 100, 190]);
  }
  if (route.teachers.length + route.tables.length === 0) {
    doc.addPage();
    doc.font('Helvetica').fontSize(14).text(t('SPEEDDATE_NO_ROUTE'));
  }
  return pdfToBuffer(doc);
}
