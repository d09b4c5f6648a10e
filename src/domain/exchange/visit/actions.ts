import { editionCanTransition, editionIsPublished } from '../edition/rules.ts';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { exchangeVisitOptions, exchangeVisitOptionsExplain } from '../../../engine/exchange-options.ts';
import { exchangeCheck, type ExchangeInput, type ExchangeVisit } from '../../../engine/index.ts';
import type { Actor, AuthorizedNetworkId, Deps, RequestInfo } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyHasNetworkWide, policyRowNetwork } from '../../foundation/auth/policy.ts';
import { tokenCreate, tokenHash } from '../../foundation/auth/rules.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listProgrammes } from '../../foundation/programme/data.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { loadEdition } from '../edition/actions.ts';
import { updateEditionStatus } from '../edition/mutations.ts';
import { listRegistrations } from '../registration/data.ts';
import { loadRun, readRun, type StoredOutput } from '../match/actions.ts';
import { matchPairReasons } from '../match/rules.ts';
import { updateRunOutput } from '../match/mutations.ts';
import {
  listEditionVisits, listPersonVisits, getVisit, listEditionPairs, listReflections, getEvaluation, getActiveFeed, getFeedByTokenHash, type VisitRow,
} from './data.ts';
import {
  createPair, createVisit, updateVisitTime, updateVisitStatus, upsertReflection, upsertEvaluation, createFeed, revokeFeeds,
} from './mutations.ts';
import { visitCalendarBuild, visitCreditedHours, type CalendarVisit } from './rules.ts';
import type { EvaluationInput, MyExchange, Visit, VisitOptions } from './schema.ts';

const ZONE = 'Europe/Amsterdam';

function formatWhen(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: ZONE }).format(date);
}
function formatTime(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeStyle: 'short', timeZone: ZONE }).format(date);
}

function toCalendarVisit(row: VisitRow, now: Date): CalendarVisit {
  const v = row.visit;
  return {
    uid: v.uid, sequence: v.sequence, status: v.status, lessonStart: v.lessonStart, lessonEnd: v.lessonEnd, leaveAt: v.leaveAt, returnBy: v.returnBy,
    observer: { name: row.observerName, email: row.observerEmail }, host: { name: row.hostName, email: row.hostEmail },
    location: [row.locationName, row.address].filter(Boolean).join(', '), editionName: row.editionName, stamp: now,
  };
}

function calendarTexts(locale: Locale) {
  return {
    summary: (v: CalendarVisit) => translate(locale, 'ICS_VISIT_SUMMARY', { observer: v.observer.name, host: v.host.name }),
    description: (v: CalendarVisit) => translate(locale, 'ICS_VISIT_DESCRIPTION', {
      edition: v.editionName, observer: v.observer.name, host: v.host.name, leave: formatTime(v.leaveAt, locale), back: formatTime(v.returnBy, locale),
    }),
  };
}

/** One e-mail per person per visit, with the .ics invitation (REQUEST) or cancellation (CANCEL). */
async function queueVisitMails(deps: Deps, nid: AuthorizedNetworkId, rows: VisitRow[], kind: 'new' | 'changed' | 'cancelled', locale: Locale): Promise<string[]> {
  const ids: string[] = [];
  const organizer = { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
  await deps.db.transaction(async (tx) => {
    for (const row of rows) {
      const cv = toCalendarVisit(row, deps.now());
      const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
      const ics = visitCalendarBuild([cv], { name: row.editionName, method, organizer, texts: calendarTexts(locale) });
      for (const [person, partner, role] of [[cv.observer, cv.host, 'observer'], [cv.host, cv.observer, 'host']] as const) {
        ids.push(await createOutboxMessage(tx, {
          networkId: nid,
          to: person.email,
          subject: translate(locale, `MAIL_VISIT_${kind.toUpperCase()}_SUBJECT`, { edition: row.editionName, partner: partner.name }),
          text: translate(locale, `MAIL_VISIT_TEXT_${role.toUpperCase()}`, {
            name: person.name, partner: partner.name, edition: row.editionName, when: formatWhen(cv.lessonStart, locale),
            end: formatTime(cv.lessonEnd, locale), leave: formatTime(cv.leaveAt, locale), back: formatTime(cv.returnBy, locale),
            place: cv.location, status: translate(locale, `MAIL_VISIT_STATUS_${kind.toUpperCase()}`),
          }),
          ical: ics,
          icalMethod: method,
        }));
      }
    }
  });
  return ids;
}

/** Publishes a finished run: pairs and visits become real, the edition goes to `published`, everyone is told. */
export async function publishRun(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string, request: RequestInfo) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const edition = await loadEdition(deps, nid, editionId);
  if (!editionCanTransition(edition.status, 'published')) throw new AppError('EDITION_TRANSITION_NOT_ALLOWED', { params: { from: edition.status, to: 'published' } });
  const run = await loadRun(deps, nid, editionId, runId);
  if (run.status !== 'done' || !run.output || !run.input) throw new AppError('RUN_NOT_FINISHED');
  const input = run.input as ExchangeInput;
  const output = run.output as StoredOutput;
  const people = new Map([...input.sideA, ...input.sideB].map((p) => [p.id, p]));
  await deps.db.transaction(async (tx) => {
    const changed = await updateEditionStatus(tx, nid, editionId, edition.status, 'published', deps.now());
    if (!changed) throw new AppError('CONFLICT');
    for (const pair of output.pairs) {
      const reasons = matchPairReasons(people.get(pair.aId)!, people.get(pair.bId)!).map((r) => r.code);
      const pairId = await createPair(tx, nid, { editionId, runId, aPersonId: pair.aId, bPersonId: pair.bId, score: pair.score, trio: pair.trio, reasons });
      const own = output.visits.filter((v) => (v.observerId === pair.aId && v.hostId === pair.bId) || (v.observerId === pair.bId && v.hostId === pair.aId));
      for (const v of own) {
        await createVisit(tx, nid, {
          editionId, pairId, observerId: v.observerId, hostId: v.hostId, lessonStart: new Date(v.lessonStart), lessonEnd: new Date(v.lessonEnd),
          leaveAt: new Date(v.leaveAt), returnBy: new Date(v.returnBy), locationId: v.locationId, travelMinutes: v.travelMinutes, uid: `${randomUUID()}@kruispunt`,
        });
      }
    }
    await recordAudit(tx, nid, actor.personId, 'publish', 'edition', editionId, { runId, pairs: output.pairs.length });
  });
  const rows = await listEditionVisits(deps.db, nid, editionId);
  const mailIds = await queueVisitMails(deps, nid, rows, 'new', actor.locale);
  // People without a partner hear why, instead of hearing nothing.
  const registrations = await listRegistrations(deps.db, nid, editionId);
  await deps.db.transaction(async (tx) => {
    for (const u of [...output.unpaired, ...output.leftOut]) {
      const r = registrations.find((x) => x.personId === u.personId);
      if (!r) continue;
      mailIds.push(await createOutboxMessage(tx, {
        networkId: nid, to: r.email,
        subject: translate(actor.locale, 'MAIL_UNMATCHED_SUBJECT', { edition: edition.name }),
        text: translate(actor.locale, 'MAIL_UNMATCHED_TEXT', { name: r.personName, edition: edition.name, reason: translate(actor.locale, `REASON_${u.reason}`), link: `${request.baseUrl}/uitwisseling` }),
      }));
    }
  });
  await deliverMail(deps, mailIds);
  return { pairs: output.pairs.length, visits: rows.length };
}

async function editableRun(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const edition = await loadEdition(deps, nid, editionId);
  if (!['registration_open', 'matching'].includes(edition.status)) throw new AppError('EDITION_LOCKED');
  const run = await loadRun(deps, nid, editionId, runId);
  if (run.status !== 'done' || !run.output || !run.input) throw new AppError('RUN_NOT_FINISHED');
  return { nid, input: run.input as ExchangeInput, output: run.output as StoredOutput };
}

const optionView = (o: ReturnType<typeof exchangeVisitOptions>[number]) => ({
  lessonStart: new Date(o.lessonStart).toISOString(), lessonEnd: new Date(o.lessonEnd).toISOString(),
  leaveAt: new Date(o.leaveAt).toISOString(), returnBy: new Date(o.returnBy).toISOString(), locationId: o.locationId, travelMinutes: o.travelMinutes,
});

/** The options with, for every other lesson of the host, the reason it is not one (lessons already under way or past included, on the server's clock). */
function explainOptions(deps: Deps, input: ExchangeInput, output: StoredOutput, index: number): VisitOptions {
  const explained = exchangeVisitOptionsExplain(input, output, index, { notBefore: deps.now().getTime() });
  return { options: explained.options.map(optionView), hostLessons: explained.hostLessons, rejected: { ...explained.rejected } };
}

/** Feasible other times for a visit in a proposal (the UI offers only these), and why the host's other lessons are not. */
export async function listRunVisitOptions(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string, index: number): Promise<VisitOptions> {
  const { input, output } = await editableRun(deps, actor, networkId, editionId, runId);
  if (!output.visits[index]) throw new AppError('NOT_FOUND');
  return explainOptions(deps, input, output, index);
}

/** Moves a proposed visit to another feasible lesson of the host; the run's output records the change. */
export async function moveRunVisit(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string, index: number, lessonStart: string) {
  const { nid, input, output } = await editableRun(deps, actor, networkId, editionId, runId);
  const current = output.visits[index];
  if (!current) throw new AppError('NOT_FOUND');
  const chosen = exchangeVisitOptions(input, output, index, { notBefore: deps.now().getTime() }).find((o) => o.lessonStart === Date.parse(lessonStart));
  if (!chosen) throw new AppError('VISIT_SLOT_NOT_FEASIBLE');
  const moved: ExchangeVisit = { ...current, ...chosen };
  const next: StoredOutput = { ...output, visits: output.visits.map((v, i) => (i === index ? moved : v)), moved: [...new Set([...(output.moved ?? []), index])] };
  if (exchangeCheck(input, next).length > 0) throw new AppError('VISIT_SLOT_NOT_FEASIBLE');
  await deps.db.transaction(async (tx) => {
    await updateRunOutput(tx, nid, runId, next);
    await recordAudit(tx, nid, actor.personId, 'move', 'proposed_visit', runId, { index, lessonStart });
  });
  return readRun(deps, actor, networkId, editionId, runId);
}

function presentVisit(row: VisitRow): Visit {
  const v = row.visit;
  return {
    id: v.id, editionId: v.editionId, observerId: v.observerId, observerName: row.observerName, hostId: v.hostId, hostName: row.hostName,
    lessonStart: v.lessonStart.toISOString(), lessonEnd: v.lessonEnd.toISOString(), leaveAt: v.leaveAt.toISOString(), returnBy: v.returnBy.toISOString(),
    locationId: v.locationId, locationName: row.locationName ?? '', address: row.address ?? '', travelMinutes: v.travelMinutes, status: v.status,
    sequence: v.sequence, checkedIn: v.checkedInAt !== null,
  };
}

export async function listVisitsOfEdition(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Visit[]> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  await loadEdition(deps, nid, editionId);
  return (await listEditionVisits(deps.db, nid, editionId)).map(presentVisit);
}

/** A visit its observer or host may act on, or a coordinator of the network. */
async function loadVisitFor(deps: Deps, actor: Actor, networkId: string, id: string, managerOnly = false) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const row = await getVisit(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const manager = policyHasNetworkWide(actor, networkId, 'edition:manage');
  const involved = row.visit.observerId === actor.personId || row.visit.hostId === actor.personId;
  if (!manager && (managerOnly || !involved)) throw new AppError('FORBIDDEN');
  return { nid, row };
}

/** Rebuilds the engine view of a published edition from its last published run, with today's visits in place. */
async function publishedInputAndOutput(deps: Deps, nid: AuthorizedNetworkId, editionId: string) {
  const pairs = await listEditionPairs(deps.db, nid, editionId);
  const runId = pairs[0]?.runId;
  if (!runId) throw new AppError('NOT_FOUND');
  const run = await loadRun(deps, nid, editionId, runId);
  const input = run.input as ExchangeInput;
  const rows = (await listEditionVisits(deps.db, nid, editionId)).filter((r) => r.visit.status !== 'cancelled');
  const output = {
    ...(run.output as StoredOutput),
    visits: rows.map((r) => ({
      observerId: r.visit.observerId, hostId: r.visit.hostId, lessonStart: r.visit.lessonStart.getTime(), lessonEnd: r.visit.lessonEnd.getTime(),
      leaveAt: r.visit.leaveAt.getTime(), returnBy: r.visit.returnBy.getTime(), locationId: r.visit.locationId ?? '', travelMinutes: r.visit.travelMinutes,
    })) as unknown as ExchangeVisit[],
  };
  return { input, output, rows };
}

export async function listVisitOptions(deps: Deps, actor: Actor, networkId: string, id: string): Promise<VisitOptions> {
  const { nid, row } = await loadVisitFor(deps, actor, networkId, id, true);
  const { input, output, rows } = await publishedInputAndOutput(deps, nid, row.visit.editionId);
  const index = rows.findIndex((r) => r.visit.id === id);
  if (index < 0) throw new AppError('NOT_FOUND');
  return explainOptions(deps, input, output, index);
}

/** Moves a published visit: same calendar UID, higher SEQUENCE, both people get the update. */
export async function moveVisit(deps: Deps, actor: Actor, networkId: string, id: string, lessonStart: string): Promise<Visit> {
  const { nid, row } = await loadVisitFor(deps, actor, networkId, id, true);
  if (row.visit.status !== 'planned') throw new AppError('EDITION_LOCKED');
  const { input, output, rows } = await publishedInputAndOutput(deps, nid, row.visit.editionId);
  const index = rows.findIndex((r) => r.visit.id === id);
  const chosen = exchangeVisitOptions(input, output, index, { notBefore: deps.now().getTime() }).find((o) => o.lessonStart === Date.parse(lessonStart));
  if (!chosen) throw new AppError('VISIT_SLOT_NOT_FEASIBLE');
  await deps.db.transaction(async (tx) => {
    await updateVisitTime(tx, nid, id, {
      lessonStart: new Date(chosen.lessonStart), lessonEnd: new Date(chosen.lessonEnd), leaveAt: new Date(chosen.leaveAt), returnBy: new Date(chosen.returnBy),
      locationId: chosen.locationId, travelMinutes: chosen.travelMinutes,
    }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'move', 'visit', id, { lessonStart });
  });
  const updated = (await getVisit(deps.db, nid, id))!;
  await deliverMail(deps, await queueVisitMails(deps, nid, [updated], 'changed', actor.locale));
  return presentVisit(updated);
}

/** Cancels a visit: it stays in calendars as cancelled (same UID, higher SEQUENCE), never silently dropped. */
export async function cancelVisit(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Visit> {
  const { nid, row } = await loadVisitFor(deps, actor, networkId, id);
  if (row.visit.status !== 'planned') throw new AppError('EDITION_LOCKED');
  await deps.db.transaction(async (tx) => {
    await updateVisitStatus(tx, nid, id, 'cancelled', deps.now());
    await recordAudit(tx, nid, actor.personId, 'cancel', 'visit', id, null);
  });
  const updated = (await getVisit(deps.db, nid, id))!;
  await deliverMail(deps, await queueVisitMails(deps, nid, [updated], 'cancelled', actor.locale));
  return presentVisit(updated);
}

export async function checkInVisit(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Visit> {
  const { nid, row } = await loadVisitFor(deps, actor, networkId, id);
  if (row.visit.status === 'cancelled') throw new AppError('EDITION_LOCKED');
  if (row.visit.lessonStart > deps.now()) throw new AppError('VISIT_NOT_STARTED');
  if (row.visit.status !== 'done') {
    await deps.db.transaction(async (tx) => {
      await updateVisitStatus(tx, nid, id, 'done', deps.now(), actor.personId);
      await recordAudit(tx, nid, actor.personId, 'check_in', 'visit', id, null);
    });
  }
  return presentVisit((await getVisit(deps.db, nid, id))!);
}

export async function saveReflection(deps: Deps, actor: Actor, networkId: string, id: string, input: { observed: string; learned: string; apply: string }) {
  const { nid, row } = await loadVisitFor(deps, actor, networkId, id);
  if (row.visit.observerId !== actor.personId && row.visit.hostId !== actor.personId) throw new AppError('FORBIDDEN');
  await upsertReflection(deps.db, nid, { visitId: id, personId: actor.personId, ...input }, deps.now());
  return { ...input, updatedAt: deps.now().toISOString() };
}

export async function saveEvaluation(deps: Deps, actor: Actor, networkId: string, editionId: string, input: EvaluationInput) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  if (!['published', 'running', 'evaluation'].includes(edition.status)) throw new AppError('EVALUATION_CLOSED');
  const visits = await listPersonVisits(deps.db, nid, actor.personId, editionId);
  if (visits.length === 0) throw new AppError('NOT_PARTICIPATING');
  await deps.db.transaction(async (tx) => {
    await upsertEvaluation(tx, nid, { ...input, editionId, personId: actor.personId });
    await recordAudit(tx, nid, actor.personId, 'evaluate', 'edition', editionId, null);
  });
  return readMyExchange(deps, actor, networkId, editionId);
}

export async function readMyExchange(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<MyExchange> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const edition = await loadEdition(deps, nid, editionId);
  const me = actor.personId;
  const registrations = await listRegistrations(deps.db, nid, editionId, { includeWithdrawn: true });
  const mine = registrations.find((r) => r.personId === me && !r.withdrawnAt);
  const pairs = (await listEditionPairs(deps.db, nid, editionId)).filter((p) => p.aPersonId === me || p.bPersonId === me);
  const visits = await listPersonVisits(deps.db, nid, me, editionId);
  const reflections = await listReflections(deps.db, nid, me);
  const evaluation = await getEvaluation(deps.db, nid, editionId, me);
  const programmes = await listProgrammes(deps.db, nid);
  let unmatchedReason: string | null = null;
  if (mine && pairs.length === 0 && editionIsPublished(edition.status)) {
    const runId = (await listEditionPairs(deps.db, nid, editionId))[0]?.runId;
    const output = runId ? ((await loadRun(deps, nid, editionId, runId)).output as StoredOutput) : undefined;
    unmatchedReason = [...(output?.unpaired ?? []), ...(output?.leftOut ?? [])].find((u) => u.personId === me)?.reason ?? 'NO_RELATED_PARTNER';
  }
  const partnerIds = pairs.map((p) => (p.aPersonId === me ? p.bPersonId : p.aPersonId));
  const visitViews = visits.map((row) => {
    const role = row.visit.observerId === me ? 'observer' as const : 'host' as const;
    const reflection = reflections.find((r) => r.visitId === row.visit.id);
    return {
      id: row.visit.id, role, partnerName: role === 'observer' ? row.hostName : row.observerName,
      lessonStart: row.visit.lessonStart.toISOString(), lessonEnd: row.visit.lessonEnd.toISOString(),
      leaveAt: row.visit.leaveAt.toISOString(), returnBy: row.visit.returnBy.toISOString(),
      locationName: row.locationName ?? '', address: row.address ?? '', status: row.visit.status, checkedIn: row.visit.checkedInAt !== null,
      reflection: reflection ? { observed: reflection.observed, learned: reflection.learned, apply: reflection.apply, updatedAt: reflection.updatedAt.toISOString() } : null,
    };
  });
  return {
    status: !mine ? 'not_registered' : pairs.length ? 'matched' : unmatchedReason ? 'unmatched' : 'registered',
    unmatchedReason,
    partners: partnerIds.map((id) => {
      const r = registrations.find((x) => x.personId === id);
      return {
        id, name: r?.personName ?? '', email: r?.email ?? '', institutionName: r?.institutionName ?? '',
        programmes: (r?.programmeIds ?? []).map((p) => programmes.find((x) => x.id === p)?.name).filter((n): n is string => Boolean(n)),
      };
    }),
    visits: visitViews,
    creditedHours: visitCreditedHours(Number(edition.creditedHours), visitViews),
    waitlist: mine?.waitlist ?? false,
    contacts: (await listPeople(deps.db, nid)).filter((p) => p.roles.some((r) => r.role === 'network_coordinator')).map((p) => ({ name: p.name, email: p.email })),
    evaluation: evaluation
      ? { overall: evaluation.overall, partnerFit: evaluation.partnerFit, organisation: evaluation.organisation, wouldRecommend: evaluation.wouldRecommend, bestPart: evaluation.bestPart, improve: evaluation.improve }
      : null,
  };
}

// ---- Personal calendar feed: a secret, revocable URL ----

export async function readCalendarFeed(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const feed = await getActiveFeed(deps.db, nid, actor.personId);
  return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
}

/** A new secret feed URL (shown once); an earlier URL stops working. */
export async function createCalendarFeed(deps: Deps, actor: Actor, networkId: string, request: RequestInfo) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  const token = tokenCreate();
  await deps.db.transaction(async (tx) => {
    await createFeed(tx, nid, actor.personId, tokenHash(token), deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'calendar_feed', null, null);
  });
  return { url: `${request.baseUrl}/api/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(deps: Deps, actor: Actor, networkId: string) {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  await deps.db.transaction(async (tx) => {
    await revokeFeeds(tx, nid, actor.personId, deps.now());
    await recordAudit(tx, nid, actor.personId, 'revoke', 'calendar_feed', null, null);
  });
}

/** The feed itself: every visit of the person, cancelled ones as STATUS:CANCELLED. */
export async function renderCalendarFeed(deps: Deps, token: string, locale: Locale): Promise<string> {
  const feed = await getFeedByTokenHash(deps.db, tokenHash(token));
  if (!feed) throw new AppError('FEED_NOT_FOUND');
  const nid = policyRowNetwork(feed.networkId, 'token');
  const rows = await listPersonVisits(deps.db, nid, feed.personId);
  const organizer = { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
  // Other areas' events (company visits, masterclasses …) join the feed through their port.
  const entries = (await Promise.all(deps.ports.calendarEntrySources.map((s) => s.list(deps, nid, feed.personId, locale)))).flat();
  return visitCalendarBuild(rows.map((r) => toCalendarVisit(r, r.visit.updatedAt)), { name: translate(locale, 'ICS_FEED_NAME'), organizer, texts: calendarTexts(locale), entries });
}

