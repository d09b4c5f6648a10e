import type { OfferKind } from '../offer/schema.ts';
import type { OfferEvaluation, OfferLastingEffect, OfferReport } from './schema.ts';

// The report's arithmetic, pure: rows of offers, sessions and registrations in, figures out.

export interface ReportOffer { id: string; hostInstitutionId: string; hostName: string; kind: OfferKind; capacity: number; hours: number }
export interface ReportSession { id: string; offerId: string; status: string; ended: boolean; feedback: string }
export interface ReportRegistration { id: string; sessionId: string; personId: string; institutionId: string | null; institutionName: string | null; status: string }

interface Fill { sessions: number; places: number; confirmed: number; waitlisted: number; fillPercent: number | null }

function fillOf(offers: ReportOffer[], sessions: ReportSession[], registrations: ReportRegistration[]): Fill {
  const ids = new Set(offers.map((o) => o.id));
  const own = sessions.filter((s) => ids.has(s.offerId) && s.status === 'planned');
  const sessionIds = new Set(own.map((s) => s.id));
  const places = own.reduce((n, s) => n + (offers.find((o) => o.id === s.offerId)?.capacity ?? 0), 0);
  const regs = registrations.filter((r) => sessionIds.has(r.sessionId));
  const confirmed = regs.filter((r) => r.status === 'confirmed').length;
  return {
    sessions: own.length, places, confirmed, waitlisted: regs.filter((r) => r.status === 'waitlisted').length,
    fillPercent: places > 0 ? Math.round((confirmed / places) * 1000) / 10 : null,
  };
}

/**
 * Figures per company, school and kind; hours count confirmed places in sessions that took place.
 * `effects` holds the lasting-effect counts and `evaluations` the company-visit evaluations of the
 * whole report ('all') and per host institution ('host:<id>'), as reportItemGroups groups them.
 */
export function reportBuild(scope: OfferReport['scope'], offers: ReportOffer[], sessions: ReportSession[], registrations: ReportRegistration[], kinds: readonly OfferKind[], effects: Record<string, OfferLastingEffect>, evaluations: Record<string, OfferEvaluation>): OfferReport {
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const hoursOf = (r: ReportRegistration) => {
    const s = sessionById.get(r.sessionId);
    return r.status === 'confirmed' && s?.status === 'planned' && s.ended ? offerById.get(s.offerId)?.hours ?? 0 : 0;
  };
  const hosts = [...new Map(offers.map((o) => [o.hostInstitutionId, o.hostName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const schools = [...new Map(registrations.filter((r) => r.status !== 'cancelled').map((r) => [r.institutionId, r.institutionName ?? '—'])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return {
    scope,
    totals: { offers: offers.length, ...fillOf(offers, sessions, registrations), hours: registrations.reduce((n, r) => n + hoursOf(r), 0), lastingEffect: effects.all!, evaluation: evaluations.all! },
    byCompany: hosts.map(([id, name]) => {
      const own = offers.filter((o) => o.hostInstitutionId === id);
      const ids = new Set(own.map((o) => o.id));
      return {
        hostInstitutionId: id, hostName: name, offers: own.length, ...fillOf(own, sessions, registrations),
        feedback: sessions.filter((s) => ids.has(s.offerId) && s.feedback.trim()).map((s) => s.feedback),
        lastingEffect: effects[`host:${id}`]!,
        evaluation: evaluations[`host:${id}`]!,
      };
    }),
    bySchool: schools.map(([id, name]) => {
      const regs = registrations.filter((r) => r.institutionId === id && r.status !== 'cancelled');
      return {
        institutionId: id, institutionName: name, participants: new Set(regs.filter((r) => r.status === 'confirmed').map((r) => r.personId)).size,
        confirmed: regs.filter((r) => r.status === 'confirmed').length, waitlisted: regs.filter((r) => r.status === 'waitlisted').length,
        hours: regs.reduce((n, r) => n + hoursOf(r), 0),
      };
    }),
    byKind: kinds.map((kind) => {
      const own = offers.filter((o) => o.kind === kind);
      return { kind, offers: own.length, ...fillOf(own, sessions, registrations) };
    }),
  };
}

/**
 * The record activities behind the lasting-effect counts: every registration is one
 * ('offer_registration', its id), grouped for the whole report ('all') and per host ('host:<id>').
 */
export function reportEffectGroups(offers: ReportOffer[], sessions: ReportSession[], registrations: ReportRegistration[]): Record<string, { source: string; sourceId: string }[]> {
  const hostOfSession = new Map(sessions.map((s) => [s.id, offers.find((o) => o.id === s.offerId)?.hostInstitutionId]));
  const groups: Record<string, { source: string; sourceId: string }[]> = { all: [] };
  for (const o of offers) groups[`host:${o.hostInstitutionId}`] = [];
  for (const r of registrations) {
    const item = { source: 'offer_registration', sourceId: r.id };
    groups.all!.push(item);
    const host = hostOfSession.get(r.sessionId);
    if (host) groups[`host:${host}`]!.push(item);
  }
  return groups;
}

/** The company visits behind the evaluation figures: all of the report ('all') and per host ('host:<id>'). */
export function reportEvaluationGroups(offers: ReportOffer[]): Record<string, string[]> {
  const groups: Record<string, string[]> = { all: [] };
  for (const o of offers) {
    groups[`host:${o.hostInstitutionId}`] ??= [];
    if (o.kind !== 'company_visit') continue;
    groups.all!.push(o.id);
    groups[`host:${o.hostInstitutionId}`]!.push(o.id);
  }
  return groups;
}

/** Semicolon CSV (Excel in Dutch), fields quoted when needed. */
export function reportCsvWrite(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
