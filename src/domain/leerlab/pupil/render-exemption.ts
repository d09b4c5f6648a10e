import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';

// The exemption statement (vrijstellingsverklaring): the parts of the keuzedeel a pupil completed in
// the leerlab, with hours and results, for the mbo institution when the pupil enrols there.

export interface ExemptionData {
  pupil: { name: string; className: string };
  leerlab: { name: string; pgp: string; keuzedeelName: string; keuzedeelCode: string; schoolYear: string };
  vo: string[];
  mbo: string[];
  parts: { name: string; hours: number; grade: number | null; assessedOn: string | null }[];
  coordinators: string[];
  issuedOn: string;
  issuedBy: string;
}

export function renderExemption(locale: Locale, d: ExemptionData): Promise<Buffer> {
  const t = (code: string, params: Record<string, string | number> = {}) => translate(locale, code, params);
  const day = (iso: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: t('EXEMPTION_TITLE'), Author: 'Kruispunt' } });
  doc.font('Helvetica-Bold').fontSize(22).text(t('EXEMPTION_TITLE'), { align: 'center' }).moveDown(1.5);
  doc.font('Helvetica').fontSize(11).text(t('EXEMPTION_BODY', {
    name: d.pupil.name, className: d.pupil.className, vo: d.vo.join(', '), mbo: d.mbo.join(', '), keuzedeel: d.leerlab.keuzedeelName,
    code: d.leerlab.keuzedeelCode || '—', pgp: d.leerlab.pgp, year: d.leerlab.schoolYear,
  })).moveDown(1);
  doc.font('Helvetica-Bold').text(t('EXEMPTION_PARTS')).moveDown(0.3).font('Helvetica');
  let total = 0;
  for (const p of d.parts) {
    total += p.hours;
    const grade = p.grade !== null ? ` — ${t('EXEMPTION_GRADE')} ${String(p.grade).replace('.', locale === 'nl' ? ',' : '.')}` : '';
    const when = p.assessedOn ? ` (${day(p.assessedOn)})` : '';
    doc.text(`• ${p.name}: ${p.hours} ${t('EXEMPTION_HOURS')}${grade}${when}`);
  }
  doc.moveDown(0.5).font('Helvetica-Bold').text(t('EXEMPTION_TOTAL', { hours: total })).font('Helvetica').moveDown(1);
  doc.text(t('EXEMPTION_ADVICE')).moveDown(2);
  doc.text(t('EXEMPTION_ISSUED', { date: day(d.issuedOn), by: d.issuedBy })).moveDown(2);
  for (const c of d.coordinators) doc.text(`${c}: ____________________________`).moveDown(1);
  return pdfToBuffer(doc);
}
