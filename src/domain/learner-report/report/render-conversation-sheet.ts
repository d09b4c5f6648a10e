import PDFDocument from 'pdfkit';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { TYPOLOGY_TYPES } from '../../../engine/typology/index.ts';
import type { Actor } from '../../foundation/auth/types.ts';
import { policyLearnerReportMember } from './policy.ts';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import { typeLabel } from './render-portfolio.ts';

// A printable sheet for a team meeting or a development conversation: the five questions of
// the learner report and "how do you like to learn / how can you support a colleague's
// learning", each with room to write, and the typology as shared language.

function writingSpace(doc: PDFKit.PDFDocument, lines: number) {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  for (let i = 0; i < lines; i++) {
    if (doc.y + 22 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.y += 20;
    doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.4).strokeColor('#999999').stroke();
  }
  doc.y += 8;
  doc.x = left;
}

export async function renderLearnerReportConversationSheet(actor: Actor, networkId: string, locale: Locale): Promise<Buffer> {
  policyLearnerReportMember(actor, networkId);
  const t = (code: string) => translate(locale, code);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('LR_SHEET_TITLE') } });
  doc.font('Helvetica-Bold').fontSize(18).text(t('LR_SHEET_TITLE'));
  doc.font('Helvetica').fontSize(10.5).moveDown(0.3).text(t('LR_SHEET_INTRO'));
  doc.moveDown(0.5).text(`${t('LR_SHEET_NAME')}: ____________________________    ${t('LR_SHEET_DATE')}: ______________`);
  const questions: [string, string, number][] = [
    ['LR_Q1_TITLE', 'LR_Q1_TEXT', 5], ['LR_Q2_TITLE', 'LR_Q2_TEXT', 5], ['LR_Q3_TITLE', 'LR_Q3_TEXT', 4],
    ['LR_Q4_TITLE', 'LR_Q4_TEXT', 4], ['LR_Q5_TITLE', 'LR_Q5_TEXT', 4],
  ];
  questions.forEach(([title, text, lines], i) => {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(`${i + 1}. ${t(title)}`);
    doc.font('Helvetica').fontSize(10).text(t(text));
    writingSpace(doc, lines);
  });
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).text(t('LR_SHEET_HOW_TITLE'));
  for (const key of ['LR_SHEET_HOW_LEARN', 'LR_SHEET_SUPPORT']) {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t(key));
    writingSpace(doc, 6);
  }
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t('LR_SHEET_TYPOLOGY'));
  doc.font('Helvetica').fontSize(10).list(TYPOLOGY_TYPES.map((x) => `${x.order}. ${typeLabel(locale, x.code)}`), { bulletRadius: 1.5 });
  doc.moveDown(0.8).fontSize(8).fillColor('#555555').text(t('LR_SHEET_SOURCE'));
  return pdfToBuffer(doc);
}
