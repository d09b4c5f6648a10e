import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { zonedDate } from '../../../lib/time.ts';
import { typologyIsFormal, type TypologyCode } from '../../../engine/typology/index.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyLearnerReportMember } from './policy.ts';
import { listOwnReportsWithText } from './data.ts';
import { learnerReportCountTypes } from './rules.ts';
import type { LearnerReportContent } from './schema.ts';

// PDFs of learner reports: the teacher's own portfolio (all completed reports) and the
// conversation sheet for team meetings. Text comes from the message catalogue (nl/en).


export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function typeLabel(locale: Locale, type: TypologyCode): string {
  return `${translate(locale, `TYPE_${type}`)} (${translate(locale, typologyIsFormal(type) ? 'LR_FORMAL' : 'LR_INFORMAL')})`;
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number) {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10.5);
}

function answer(doc: PDFKit.PDFDocument, label: string, text: string) {
  doc.font('Helvetica-Bold').text(label).font('Helvetica').text(text.trim() === '' ? '—' : text, { paragraphGap: 4 });
}

/** The actor's completed reports as one readable PDF in the actor's language. */
export async function renderLearnerReportPortfolio(deps: Deps, actor: Actor, networkId: string): Promise<Buffer> {
  const nid = policyLearnerReportMember(actor, networkId);
  const locale = actor.locale;
  const t = (code: string, params: Record<string, string | number> = {}) => translate(locale, code, params);
  const reports = (await listOwnReportsWithText(deps.db, nid, actor.personId, { status: 'completed' })).reverse();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('LR_PORTFOLIO_TITLE'), Author: actor.name } });
  doc.font('Helvetica-Bold').fontSize(18).text(t('LR_PORTFOLIO_TITLE'));
  doc.font('Helvetica').fontSize(10.5).text(`${actor.name} · ${t('LR_GENERATED', { date: formatDay(zonedDate(deps.now()), locale) })}`);
  if (reports.length === 0) {
    doc.moveDown().text(t('LR_PORTFOLIO_EMPTY'));
    return pdfToBuffer(doc);
  }
  const all = reports.flatMap((r) => (r.content as LearnerReportContent).activities.map((a) => a.type));
  heading(doc, t('LR_PORTFOLIO_OVERVIEW'), 13);
  for (const c of learnerReportCountTypes(all).filter((x) => x.count > 0)) doc.text(`${typeLabel(locale, c.type)}: ${c.count}`);
  for (const r of reports) {
    const content = r.content as LearnerReportContent;
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(15).text(t('LR_PERIOD', { start: formatDay(r.periodStart, locale), end: formatDay(r.periodEnd, locale) }));
    doc.font('Helvetica').fontSize(10.5);
    heading(doc, `1. ${t('LR_Q1_TITLE')}`, 12);
    doc.fontSize(9).fillColor('#555555').text(t('LR_Q1_TEXT')).fillColor('#000000').fontSize(10.5);
    if (content.inventory.length) doc.list(content.inventory, { bulletRadius: 1.5 });
    else doc.text('—');
    content.activities.forEach((a, i) => {
      heading(doc, t('LR_ACTIVITY', { n: i + 1, title: a.title }), 12.5);
      if (a.type) doc.text(t('LR_TYPE_LINE', { type: typeLabel(locale, a.type) }));
      heading(doc, `2. ${t('LR_Q2_TITLE')}`, 11);
      answer(doc, t('LR_Q2_GOAL'), a.description.goal);
      answer(doc, t('LR_Q2_INVOLVED'), a.description.involved);
      answer(doc, t('LR_Q2_ROLE'), a.description.role);
      answer(doc, t('LR_Q2_SETTING'), a.description.setting);
      answer(doc, `3. ${t('LR_Q3_TITLE')}`, a.learningOutcomes);
      answer(doc, `4. ${t('LR_Q4_TITLE')}`, a.impact);
      answer(doc, `5. ${t('LR_Q5_TITLE')}`, a.explanation);
    });
  }
  return pdfToBuffer(doc);
}
