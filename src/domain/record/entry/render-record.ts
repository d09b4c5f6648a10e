import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import type { RecordEntry, RecordView } from './schema.ts';

// The record as PDF: an overview for the register of teachers or a development conversation,
// and one certificate per activity.

function pdf(title: string, write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Kruispunt' } });
  write(doc);
  return pdfToBuffer(doc);
}

const dateText = (d: string, l: Locale) => new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
const num = (n: number, l: Locale) => new Intl.NumberFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(n);

export function renderRecordPdf(record: RecordView, networkName: string, l: Locale, now: Date): Promise<Buffer> {
  const t = (code: string, p: Record<string, string | number> = {}) => translate(l, code, p);
  return pdf(t('PDF_RECORD_TITLE'), (doc) => {
    doc.fontSize(20).text(t('PDF_RECORD_TITLE')).moveDown(0.3);
    doc.fontSize(11).fillColor('#333').text(`${record.person.name} · ${networkName}`).moveDown(1);
    const p = record.totals.period;
    doc.fillColor('#000').fontSize(13).text(t('PDF_RECORD_PERIOD', { first: p.firstSchoolYear, last: p.lastSchoolYear })).moveDown(0.3);
    doc.fontSize(10)
      .text(t('PDF_RECORD_NORM_HOURS', { hours: num(p.hours, l), norm: p.norm.hours }))
      .text(t('PDF_RECORD_NORM_PRIMARY', { hours: num(p.primaryProcessHours, l), norm: p.norm.primaryProcessHours }));
    if (p.norm.subjectSpecificHours !== null) doc.text(t('PDF_RECORD_NORM_SUBJECT', { hours: num(p.subjectSpecificHours, l), norm: p.norm.subjectSpecificHours }));
    doc.text(t(p.met ? 'PDF_RECORD_NORM_MET' : 'PDF_RECORD_NORM_NOT_MET')).moveDown(1);
    doc.fontSize(13).text(t('PDF_RECORD_YEARS')).moveDown(0.3).fontSize(10);
    for (const y of record.totals.schoolYears) {
      doc.text(t('PDF_RECORD_YEAR_LINE', { year: y.schoolYear, hours: num(y.hours, l), contact: num(y.contactHours, l), self: num(y.selfStudyHours, l), primary: num(y.primaryProcessHours, l) }));
    }
    doc.moveDown(1).fontSize(13).text(t('PDF_RECORD_ACTIVITIES')).moveDown(0.3).fontSize(10);
    for (const e of record.entries) {
      doc.text(`${dateText(e.date, l)} — ${e.title}`, { continued: false });
      doc.fillColor('#333').text(t('PDF_RECORD_ACTIVITY_LINE', {
        hours: num(e.hours, l), contact: num(e.contactHours, l), self: num(e.selfStudyHours, l),
        kind: t(e.primaryProcess ? 'PRIMARY_PROCESS' : 'OTHER'), subject: e.subjectSpecific ? `, ${t('SUBJECT_SPECIFIC')}` : '',
      }));
      if (e.files.length) doc.text(t('PDF_RECORD_EVIDENCE_FILES', { names: e.files.map((f) => f.name).join(', ') }));
      doc.fillColor('#000').moveDown(0.3);
    }
    doc.moveDown(1).fontSize(9).fillColor('#444').text(t('PDF_FOOTER', { issued: dateText(now.toISOString().slice(0, 10), l) }));
  });
}

export function renderCertificatePdf(entry: RecordEntry, personName: string, networkName: string, l: Locale, now: Date): Promise<Buffer> {
  const t = (code: string, p: Record<string, string | number> = {}) => translate(l, code, p);
  return pdf(t('PDF_CERT_TITLE'), (doc) => {
    doc.fontSize(26).text(t('PDF_CERT_TITLE'), { align: 'center' }).moveDown(2);
    doc.fontSize(14).text(t('PDF_CERT_BODY', { name: personName, title: entry.title, date: dateText(entry.date, l), hours: num(entry.hours, l) }), { align: 'center' }).moveDown(1);
    doc.fontSize(11).text(t('PDF_CERT_SPLIT', { contact: num(entry.contactHours, l), self: num(entry.selfStudyHours, l), kind: t(entry.primaryProcess ? 'PRIMARY_PROCESS' : 'OTHER') }), { align: 'center' }).moveDown(1);
    doc.fontSize(11).text(t('PDF_CERT_ISSUER', { network: networkName }), { align: 'center' });
    doc.moveDown(3).fontSize(10).fillColor('#444').text(t('PDF_FOOTER', { issued: dateText(now.toISOString().slice(0, 10), l) }), { align: 'center' });
  });
}
