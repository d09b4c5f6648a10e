import { recordAudit } from '../../foundation/network/mutations.ts';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize } from '../../foundation/auth/policy.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { listProgrammes } from '../../foundation/programme/data.ts';
import { listEditionInstitutions, listEditionInvites } from '../edition/data.ts';
import { loadEdition } from '../edition/actions.ts';
import { listRegistrations } from '../registration/data.ts';
import { listEditionPairs, listEditionVisits, listEvaluations } from '../visit/data.ts';
import { visitCreditedHours } from '../visit/rules.ts';
import { readMyExchange } from '../visit/actions.ts';
import { effectCountFor } from '../../record/public.ts';
import { reportFunnel, reportAverage, reportCsv, type FunnelPerson } from './rules.ts';
import type { EditionReport, ParticipantRow } from './schema.ts';

async function collect(deps: Deps, nid: AuthorizedNetworkId, editionId: string) {
  const edition = await loadEdition(deps, nid, editionId);
  const institutions = await listEditionInstitutions(deps.db, nid, editionId);
  const invites = await listEditionInvites(deps.db, nid, editionId);
  const registrations = await listRegistrations(deps.db, nid, editionId);
  const pairs = await listEditionPairs(deps.db, nid, editionId);
  const visits = await listEditionVisits(deps.db, nid, editionId);
  const evaluations = await listEvaluations(deps.db, nid, editionId);
  const programmes = await listProgrammes(deps.db, nid);
  const people = await listPeople(deps.db, nid, { institutionIds: institutions.map((i) => i.institutionId) });
  const invited = new Set(invites.map((i) => i.personId));
  const ids = new Set([...invited, ...registrations.map((r) => r.personId)]);
  const funnelPeople: FunnelPerson[] = [];
  for (const id of ids) {
    const person = people.find((p) => p.id === id);
    const registration = registrations.find((r) => r.personId === id);
    const institutionId = registration?.institutionId ?? person?.roles.find((r) => r.role === 'teacher' && institutions.some((i) => i.institutionId === r.institutionId))?.institutionId;
    const institution = institutions.find((i) => i.institutionId === institutionId);
    if (!institution) continue;
    const programmeIds = registration?.programmeIds ?? person?.programmeIds ?? [];
    funnelPeople.push({
      personId: id, institutionId: institution.institutionId, institutionName: institution.name,
      programmes: programmeIds.map((p) => programmes.find((x) => x.id === p)).filter((p): p is NonNullable<typeof p> => Boolean(p)).map((p) => ({ id: p.id, name: p.name })),
      invited: invited.has(id), registered: Boolean(registration),
      matched: pairs.some((p) => p.aPersonId === id || p.bPersonId === id),
      visited: visits.some((v) => v.visit.status === 'done' && (v.visit.observerId === id || v.visit.hostId === id)),
      evaluated: evaluations.some((e) => e.personId === id),
    });
  }
  return { edition, registrations, pairs, visits, evaluations, funnelPeople };
}

export async function readFunnel(deps: Deps, actor: Actor, networkId: string, editionId: string) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const funnel = reportFunnel((await collect(deps, nid, editionId)).funnelPeople);
  return [...funnel.perInstitution, ...funnel.perProgramme];
}

function participants(data: Awaited<ReturnType<typeof collect>>): ParticipantRow[] {
  return data.registrations.map((r) => {
    const partnerIds = data.pairs.filter((p) => p.aPersonId === r.personId || p.bPersonId === r.personId).map((p) => (p.aPersonId === r.personId ? p.bPersonId : p.aPersonId));
    const own = data.visits
      .filter((v) => v.visit.observerId === r.personId || v.visit.hostId === r.personId)
      .map((v) => ({ role: v.visit.observerId === r.personId ? ('observer' as const) : ('host' as const), status: v.visit.status }));
    return {
      personId: r.personId, name: r.personName, email: r.email, institutionName: r.institutionName, side: r.side as 'a' | 'b',
      partners: partnerIds.map((id) => data.registrations.find((x) => x.personId === id)?.personName ?? '').join(', '),
      visitsDone: own.filter((v) => v.status === 'done').length,
      creditedHours: visitCreditedHours(Number(data.edition.creditedHours), own),
      evaluated: data.evaluations.some((e) => e.personId === r.personId),
    };
  });
}

export async function readReport(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<EditionReport> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const data = await collect(deps, nid, editionId);
  const funnel = reportFunnel(data.funnelPeople);
  const count = (s: 'invited' | 'registered' | 'matched' | 'visited' | 'evaluated') => data.funnelPeople.filter((p) => p[s]).length;
  const rows = participants(data);
  const statuses = { planned: 0, done: 0, cancelled: 0, missed: 0 };
  for (const v of data.visits) statuses[v.visit.status]++;
  return {
    editionId, name: data.edition.name,
    totals: { invited: count('invited'), registered: count('registered'), matched: count('matched'), visited: count('visited'), evaluated: count('evaluated') },
    matchedPercent: count('registered') ? Math.round((count('matched') / count('registered')) * 1000) / 10 : 0,
    perInstitution: funnel.perInstitution,
    perProgramme: funnel.perProgramme,
    visits: statuses,
    evaluation: {
      count: data.evaluations.length,
      overall: reportAverage(data.evaluations.map((e) => e.overall)),
      partnerFit: reportAverage(data.evaluations.map((e) => e.partnerFit)),
      organisation: reportAverage(data.evaluations.map((e) => e.organisation)),
      recommendPercent: data.evaluations.length ? Math.round((data.evaluations.filter((e) => e.wouldRecommend).length / data.evaluations.length) * 100) : null,
    },
    hours: { participants: rows.filter((r) => r.creditedHours > 0).length, total: rows.reduce((a, r) => a + r.creditedHours, 0) },
    // the record counts the edition as one activity per teacher ('exchange_edition', the edition's id)
    lastingEffect: await effectCountFor(deps.db, nid, [{ source: 'exchange_edition', sourceId: editionId }]),
  };
}

function header(locale: Locale, keys: string[]) {
  return keys.map((k) => translate(locale, `REPORT_${k}`));
}

export async function exportParticipantsCsv(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<string> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const rows = participants(await collect(deps, nid, editionId));
  await recordAudit(deps.db, nid, actor.personId, 'export', 'edition_report', editionId, { format: 'csv' });
  return reportCsv(
    header(actor.locale, ['NAME', 'EMAIL', 'INSTITUTION', 'SIDE', 'PARTNERS', 'VISITS_DONE', 'HOURS', 'EVALUATED']),
    rows.map((r) => [r.name, r.email, r.institutionName, r.side.toUpperCase(), r.partners, r.visitsDone, r.creditedHours, r.evaluated ? translate(actor.locale, 'YES') : translate(actor.locale, 'NO')]),
  );
}

export async function exportReportXlsx(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Buffer> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const data = await collect(deps, nid, editionId);
  const report = await readReport(deps, actor, networkId, editionId);
  await recordAudit(deps.db, nid, actor.personId, 'export', 'edition_report', editionId, { format: 'xlsx' });
  const l = actor.locale;
  const book = new ExcelJS.Workbook();
  book.creator = 'Kruispunt';
  const summary = book.addWorksheet(translate(l, 'REPORT_SHEET_SUMMARY'));
  summary.addRows([
    [translate(l, 'REPORT_EDITION'), report.name],
    ...(['invited', 'registered', 'matched', 'visited', 'evaluated'] as const).map((k) => [translate(l, `REPORT_${k.toUpperCase()}`), report.totals[k]]),
    [translate(l, 'REPORT_MATCHED_PERCENT'), report.matchedPercent],
    [translate(l, 'REPORT_VISITS_DONE'), report.visits.done],
    [translate(l, 'REPORT_HOURS'), report.hours.total],
    [translate(l, 'REPORT_EVAL_OVERALL'), report.evaluation.overall ?? ''],
    [translate(l, 'REPORT_EFFECT_ASKED'), report.lastingEffect.asked],
    [translate(l, 'REPORT_EFFECT_ANSWERED'), report.lastingEffect.answered],
    ...(['changed', 'partly', 'unchanged'] as const).map((k) => [translate(l, `REPORT_EFFECT_${k.toUpperCase()}`), report.lastingEffect.counts?.[k] ?? translate(l, 'REPORT_EFFECT_TOO_FEW')]),
  ]);
  const funnel = book.addWorksheet(translate(l, 'REPORT_SHEET_FUNNEL'));
  funnel.addRow(header(l, ['INSTITUTION', 'PROGRAMME', 'INVITED', 'REGISTERED', 'MATCHED', 'VISITED', 'EVALUATED']));
  for (const r of [...report.perInstitution, ...report.perProgramme]) funnel.addRow([r.institutionName, r.programmeName ?? '', r.invited, r.registered, r.matched, r.visited, r.evaluated]);
  const people = book.addWorksheet(translate(l, 'REPORT_SHEET_PARTICIPANTS'));
  people.addRow(header(l, ['NAME', 'EMAIL', 'INSTITUTION', 'SIDE', 'PARTNERS', 'VISITS_DONE', 'HOURS', 'EVALUATED']));
  for (const r of participants(data)) people.addRow([r.name, r.email, r.institutionName, r.side.toUpperCase(), r.partners, r.visitsDone, r.creditedHours, r.evaluated]);
  for (const sheet of [summary, funnel, people]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A participant's certificate of credited professional-development hours. */
export async function renderCertificate(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Buffer> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  const mine = await readMyExchange(deps, actor, networkId, editionId);
  if (mine.creditedHours <= 0) throw new AppError('CERTIFICATE_NOT_EARNED');
  const l = actor.locale;
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: translate(l, 'CERT_TITLE'), Author: 'Kruispunt' } });
  const date = (d: string) => new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  doc.fontSize(26).text(translate(l, 'CERT_TITLE'), { align: 'center' }).moveDown(2);
  doc.fontSize(14).text(translate(l, 'CERT_BODY', {
    name: actor.name, edition: edition.name, start: date(edition.windowStart), end: date(edition.windowEnd), hours: mine.creditedHours,
  }), { align: 'center' }).moveDown(1.5);
  for (const v of mine.visits.filter((x) => x.status === 'done')) {
    doc.fontSize(11).text(translate(l, v.role === 'observer' ? 'CERT_VISIT_OBSERVER' : 'CERT_VISIT_HOST', {
      partner: v.partnerName, when: new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(v.lessonStart)),
    }), { align: 'center' });
  }
  const full = Number(edition.creditedHours);
  doc.moveDown(1.5).fontSize(10).fillColor('#444').text(translate(l, 'CERT_HOURS_RULE', { full, half: Math.round(full * 5) / 10 }), { align: 'center' });
  doc.moveDown(1.5).fontSize(10).fillColor('#444').text(translate(l, 'CERT_FOOTER', { issued: date(deps.now().toISOString().slice(0, 10)) }), { align: 'center' });
  return pdfToBuffer(doc);
}
