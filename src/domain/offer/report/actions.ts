import ExcelJS from 'exceljs';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyInstitutionScope } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { translate } from '../messages.ts';
import { offerKinds, type OfferKind } from '../offer/schema.ts';
import { listReportOffers, listReportRegistrations, listReportSessions } from './data.ts';
import { reportBuild, reportCsvWrite, reportEffectGroups, reportEvaluationGroups } from './rules.ts';
import { effectCountsFor } from '../../record/public.ts';
import { getEvaluationSummaries } from '../../foundation/public.ts';
import type { OfferReport } from './schema.ts';

/** Coordinators see the whole network; a host (a company's professional, a school hosting visits) their own offers' figures. */
export async function readOfferReport(deps: Deps, actor: Actor, networkId: string): Promise<OfferReport> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const scope = policyInstitutionScope(actor, networkId, 'offer:host');
  if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
  const now = deps.now();
  const offerRows = (await listReportOffers(deps.db, nid)).filter((r) => scope === 'all' || scope.includes(r.offer.hostInstitutionId));
  const ids = new Set(offerRows.map((r) => r.offer.id));
  const sessions = (await listReportSessions(deps.db, nid)).filter((s) => ids.has(s.offerId));
  const sessionIds = new Set(sessions.map((s) => s.id));
  const registrations = (await listReportRegistrations(deps.db, nid)).filter((r) => sessionIds.has(r.registration.sessionId));
  const offers = offerRows.map((r) => ({ id: r.offer.id, hostInstitutionId: r.offer.hostInstitutionId, hostName: r.hostName, kind: r.offer.kind as OfferKind, capacity: r.offer.capacity, hours: Number(r.offer.creditedHours) }));
  const sessionRows = sessions.map((s) => ({ id: s.id, offerId: s.offerId, status: s.status, ended: s.endAt <= now, feedback: s.feedback }));
  const registrationRows = registrations.map((r) => ({ id: r.registration.id, sessionId: r.registration.sessionId, personId: r.registration.personId, institutionId: r.registration.institutionId, institutionName: r.institutionName, status: r.registration.status }));
  const effects = await effectCountsFor(deps.db, nid, reportEffectGroups(offers, sessionRows, registrationRows));
  const evaluations = await getEvaluationSummaries(deps, nid, 'company_visit', reportEvaluationGroups(offers));
  return reportBuild(scope === 'all' ? 'network' : 'own', offers, sessionRows, registrationRows, offerKinds, effects, evaluations);
}

function companyRows(report: OfferReport) {
  return report.byCompany.map((c) => [
    c.hostName, c.offers, c.sessions, c.places, c.confirmed, c.waitlisted, c.fillPercent, c.feedback.length,
    c.lastingEffect.asked, c.lastingEffect.answered, c.lastingEffect.counts?.changed ?? null, c.lastingEffect.counts?.partly ?? null, c.lastingEffect.counts?.unchanged ?? null,
    c.evaluation.count, c.evaluation.mean,
  ]);
}
const head = (l: 'nl' | 'en', keys: string[]) => keys.map((k) => translate(l, `OFFER_REPORT_${k}`));
// the lasting-effect columns and the mean evaluation stay empty while fewer than three teachers answered
const COMPANY = ['HOST', 'OFFERS', 'SESSIONS', 'PLACES', 'CONFIRMED', 'WAITLISTED', 'FILL', 'FEEDBACK', 'EFFECT_ASKED', 'EFFECT_ANSWERED', 'EFFECT_CHANGED', 'EFFECT_PARTLY', 'EFFECT_UNCHANGED', 'EVALUATION_COUNT', 'EVALUATION_MEAN'];

export async function exportOfferReportCsv(deps: Deps, actor: Actor, networkId: string): Promise<string> {
  const report = await readOfferReport(deps, actor, networkId);
  await recordAudit(deps.db, policyAuthorize(actor, networkId, 'network:read'), actor.personId, 'export', 'offer_report', null, { format: 'csv' });
  return reportCsvWrite(head(actor.locale, COMPANY), companyRows(report));
}

export async function exportOfferReportXlsx(deps: Deps, actor: Actor, networkId: string): Promise<Buffer> {
  const report = await readOfferReport(deps, actor, networkId);
  await recordAudit(deps.db, policyAuthorize(actor, networkId, 'network:read'), actor.personId, 'export', 'offer_report', null, { format: 'xlsx' });
  const l = actor.locale;
  const book = new ExcelJS.Workbook();
  book.creator = 'Kruispunt';
  const companies = book.addWorksheet(translate(l, 'OFFER_REPORT_SHEET_COMPANIES'));
  companies.addRow(head(l, COMPANY));
  for (const row of companyRows(report)) companies.addRow(row);
  const schools = book.addWorksheet(translate(l, 'OFFER_REPORT_SHEET_SCHOOLS'));
  schools.addRow(head(l, ['SCHOOL', 'PARTICIPANTS', 'CONFIRMED', 'WAITLISTED', 'HOURS']));
  for (const s of report.bySchool) schools.addRow([s.institutionName, s.participants, s.confirmed, s.waitlisted, s.hours]);
  const kinds = book.addWorksheet(translate(l, 'OFFER_REPORT_SHEET_KINDS'));
  kinds.addRow(head(l, ['KIND', 'OFFERS', 'SESSIONS', 'PLACES', 'CONFIRMED', 'WAITLISTED', 'FILL']));
  for (const k of report.byKind) kinds.addRow([translate(l, `OFFER_KIND_${k.kind.toUpperCase()}`), k.offers, k.sessions, k.places, k.confirmed, k.waitlisted, k.fillPercent]);
  const feedback = book.addWorksheet(translate(l, 'OFFER_REPORT_SHEET_FEEDBACK'));
  feedback.addRow(head(l, ['HOST', 'FEEDBACK']));
  for (const c of report.byCompany) for (const f of c.feedback) feedback.addRow([c.hostName, f]);
  for (const sheet of [companies, schools, kinds, feedback]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
