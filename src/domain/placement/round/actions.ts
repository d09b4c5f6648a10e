import { AppError, type FieldIssue } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { learnerReportNotify } from '../../learner-report/public.ts';
import { offerListForPlacement, type OfferForPlacement } from '../../offer/public.ts';
import { placementStable, placementWelfare, type PlacementInput } from '../../../engine/placement.ts';
import { calendarFileBuild } from '../../../lib/calendar-file.ts';
import type { CalendarEntry } from '../../area-module.ts';
import { translate } from '../messages.ts';
import { buildPlacementEntries } from './build-calendar.ts';
import { getResultRow, getRoundRow, isTeacher, listPersonResults, listRankings, listResponses, listResults, listRoundRows, type RoundRow } from './data.ts';
import { createRound, moveResult, publishResults, saveRanking, saveResponse } from './mutations.ts';
import { policyPlacementCanHost, policyPlacementCanManage, policyPlacementHost, policyPlacementManage, policyPlacementRead } from './policy.ts';
import type { Comparison, Mode, MoveInput, PublishInput, ResponseInput, Round, RoundInput, RoundSummary } from './schema.ts';

// Placement rounds for teacher internships: rankings, the companies' answers, both engine modes
// side by side, adjustments by hand to offers with room, publishing (nothing published changes).

function organizer(deps: Deps) {
  return { name: 'Kruispunt', email: /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM };
}

type Outcome = { assignments: readonly { teacherId: string; offerId: string; rank: number }[]; unplaced: readonly { teacherId: string }[] };

/** The engine's outcome, whether it answers plainly or in its result form ({ ok, … }). */
function solve(fn: (input: PlacementInput) => unknown, input: PlacementInput): Outcome {
  const out = fn(input) as Outcome & { ok?: boolean };
  if (out.ok === false) throw new AppError('VALIDATION_FAILED');
  return out;
}

async function load(deps: Deps, nid: AuthorizedNetworkId, roundId: string): Promise<RoundRow> {
  const row = await getRoundRow(deps.db, nid, roundId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function roundOffers(deps: Deps, nid: AuthorizedNetworkId, round: RoundRow): Promise<OfferForPlacement[]> {
  const all = await offerListForPlacement(deps.db, nid);
  return round.offerIds.map((id) => all.find((o) => o.id === id)).filter((o): o is OfferForPlacement => Boolean(o));
}

function summarize(r: RoundRow, rankings: number): RoundSummary {
  return { id: r.id, title: r.title, status: r.status as RoundSummary['status'], maxRanks: r.maxRanks, offers: r.offerIds.length, rankings };
}

export async function listPlacementRounds(deps: Deps, actor: Actor, networkId: string): Promise<RoundSummary[]> {
  const nid = policyPlacementRead(actor, networkId);
  const rankings = await listRankings(deps.db, nid);
  return (await listRoundRows(deps.db, nid)).map((r) => summarize(r, rankings.filter((x) => x.ranking.roundId === r.id).length));
}

/** A coordinator opens a round over docentstage offers of the network, each with places. */
export async function createPlacementRound(deps: Deps, actor: Actor, networkId: string, input: RoundInput): Promise<Round> {
  const nid = policyPlacementManage(actor, networkId);
  const all = await offerListForPlacement(deps.db, nid);
  const fields: FieldIssue[] = [];
  const ids = [...new Set(input.offerIds)];
  input.offerIds.forEach((id, i) => {
    const o = all.find((x) => x.id === id);
    if (!o) fields.push({ path: `offerIds.${i}`, code: 'FIELD_UNKNOWN_OFFER' });
    else if (o.kind !== 'teacher_internship') fields.push({ path: `offerIds.${i}`, code: 'FIELD_NOT_AN_INTERNSHIP' });
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  const empty = all.find((o) => ids.includes(o.id) && o.capacity <= 0);
  if (empty) throw new AppError('PLACEMENT_OFFER_NO_PLACES', { params: { title: empty.title } });
  const id = await deps.db.transaction(async (tx) => {
    const roundId = await createRound(tx, nid, { title: input.title, maxRanks: input.maxRanks, offerIds: ids, createdBy: actor.personId }, deps.now());
    await recordAudit(tx, nid, actor.personId, 'create', 'placement_round', roundId, { offers: ids.length });
    return roundId;
  });
  return readPlacementRound(deps, actor, networkId, id);
}

export async function readPlacementRound(deps: Deps, actor: Actor, networkId: string, roundId: string): Promise<Round> {
  const nid = policyPlacementRead(actor, networkId);
  const round = await load(deps, nid, roundId);
  const offers = await roundOffers(deps, nid, round);
  const rankings = await listRankings(deps.db, nid, roundId);
  const responses = await listResponses(deps.db, nid, roundId);
  const results = await listResults(deps.db, nid, roundId);
  const canManage = policyPlacementCanManage(actor, networkId);
  const hosted = new Set(offers.filter((o) => policyPlacementCanHost(actor, networkId, o.hostInstitutionId)).map((o) => o.id));
  const mine = results.find((r) => r.result.teacherId === actor.personId);
  return {
    ...summarize(round, rankings.length),
    offerList: offers.map((o) => ({
      id: o.id, title: o.title, hostName: o.hostName, places: o.capacity,
      placesLeft: round.status === 'published' ? o.capacity - results.filter((r) => r.result.offerId === o.id).length : null, canRespond: hosted.has(o.id),
    })),
    canManage,
    myRanking: rankings.find((r) => r.ranking.teacherId === actor.personId)?.ranking.offerIds ?? [],
    myResult: mine ? { offerId: mine.result.offerId, rank: mine.result.rank, waitlist: mine.result.waitlist } : null,
    applicants: rankings.flatMap((r) => r.ranking.offerIds.flatMap((offerId, i) => {
      if (!hosted.has(offerId) && !canManage) return [];
      const resp = responses.find((x) => x.offerId === offerId && x.teacherId === r.ranking.teacherId);
      return [{ offerId, teacherId: r.ranking.teacherId, name: r.name, rank: i + 1, decision: (resp?.decision as 'accept' | 'decline' | undefined) ?? null, companyRank: resp?.rank ?? null }];
    })),
    results: canManage ? results.map((r) => ({ teacherId: r.result.teacherId, name: r.name, offerId: r.result.offerId, rank: r.result.rank, waitlist: r.result.waitlist, manual: r.result.manual })) : [],
  };
}

/** A teacher ranks up to maxRanks offers of the round, each once. */
export async function rankPlacementRound(deps: Deps, actor: Actor, networkId: string, roundId: string, offerIds: string[]): Promise<Round> {
  const nid = policyPlacementRead(actor, networkId);
  if (!(await isTeacher(deps.db, nid, actor.personId))) throw new AppError('FORBIDDEN');
  const round = await load(deps, nid, roundId);
  if (round.status === 'published') throw new AppError('PLACEMENT_PUBLISHED');
  if (new Set(offerIds).size !== offerIds.length) throw new AppError('PLACEMENT_RANK_TWICE');
  if (offerIds.some((id) => !round.offerIds.includes(id))) throw new AppError('PLACEMENT_OFFER_NOT_IN_ROUND');
  if (offerIds.length > round.maxRanks) throw new AppError('PLACEMENT_TOO_MANY_RANKS', { params: { max: round.maxRanks } });
  await saveRanking(deps.db, nid, roundId, actor.personId, offerIds, deps.now());
  return readPlacementRound(deps, actor, networkId, roundId);
}

/** A company's host accepts (optionally with a rank) or declines an applicant of its offer. */
export async function respondPlacementRound(deps: Deps, actor: Actor, networkId: string, roundId: string, offerId: string, input: ResponseInput): Promise<Round> {
  const read = policyPlacementRead(actor, networkId);
  const round = await load(deps, read, roundId);
  const offer = (await roundOffers(deps, read, round)).find((o) => o.id === offerId);
  if (!offer) throw new AppError('NOT_FOUND');
  const nid = policyPlacementHost(actor, networkId, offer.hostInstitutionId);
  if (round.status === 'published') throw new AppError('PLACEMENT_PUBLISHED');
  const applied = (await listRankings(deps.db, nid, roundId)).some((r) => r.ranking.teacherId === input.teacherId && r.ranking.offerIds.includes(offerId));
  if (!applied) throw new AppError('PLACEMENT_NOT_APPLIED');
  await saveResponse(deps.db, nid, roundId, offerId, input.teacherId, input.decision, input.decision === 'accept' ? input.rank : null);
  return readPlacementRound(deps, actor, networkId, roundId);
}

async function engineInput(deps: Deps, nid: AuthorizedNetworkId, round: RoundRow) {
  const offers = await roundOffers(deps, nid, round);
  const rankings = await listRankings(deps.db, nid, round.id);
  const responses = await listResponses(deps.db, nid, round.id);
  const input: PlacementInput = {
    teachers: rankings.map((r) => ({ id: r.ranking.teacherId, ranking: r.ranking.offerIds.filter((id) => offers.some((o) => o.id === id)) })),
    offers: offers.map((o) => {
      const own = responses.filter((x) => x.offerId === o.id);
      if (own.length === 0) return { id: o.id, capacity: o.capacity };
      // A company that answered: declined applicants are not acceptable, ranked ones first, the rest after.
      const applicants = rankings.filter((r) => r.ranking.offerIds.includes(o.id)).map((r) => r.ranking.teacherId);
      const declined = new Set(own.filter((x) => x.decision === 'decline').map((x) => x.teacherId));
      const rankOf = (t: string) => own.find((x) => x.teacherId === t && x.decision === 'accept')?.rank ?? Number.MAX_SAFE_INTEGER;
      return { id: o.id, capacity: o.capacity, ranking: applicants.filter((t) => !declined.has(t)).sort((a, b) => rankOf(a) - rankOf(b)) };
    }),
    seed: 1,
  };
  return { input, offers, rankings };
}

/** Both engine modes side by side: ranks reached, who would be better off in the other. */
export async function comparePlacementRound(deps: Deps, actor: Actor, networkId: string, roundId: string): Promise<Comparison> {
  const nid = policyPlacementManage(actor, networkId);
  const round = await load(deps, nid, roundId);
  const { input, offers, rankings } = await engineInput(deps, nid, round);
  const names = new Map(rankings.map((r) => [r.ranking.teacherId, r.name]));
  const outcome = (o: Outcome) => {
    const byRank = Array.from({ length: round.maxRanks }, () => 0);
    for (const a of o.assignments) byRank[a.rank - 1] = (byRank[a.rank - 1] ?? 0) + 1;
    return {
      placed: o.assignments.length, unplaced: o.unplaced.length, byRank, rankSum: o.assignments.reduce((n, a) => n + a.rank, 0),
      assignments: rankings.map((r) => {
        const a = o.assignments.find((x) => x.teacherId === r.ranking.teacherId);
        return { teacherId: r.ranking.teacherId, name: r.name, offerId: a?.offerId ?? null, offerTitle: offers.find((x) => x.id === a?.offerId)?.title ?? null, rank: a?.rank ?? null };
      }),
    };
  };
  const stable = outcome(solve(placementStable, input));
  const welfare = outcome(solve(placementWelfare, input));
  const worse = (r: number | null) => r ?? Number.MAX_SAFE_INTEGER;
  const differences = stable.assignments.flatMap((s) => {
    const w = welfare.assignments.find((x) => x.teacherId === s.teacherId)!;
    if (s.rank === w.rank) return [];
    return [{ teacherId: s.teacherId, name: names.get(s.teacherId) ?? '', stableRank: s.rank, welfareRank: w.rank, betterIn: (worse(s.rank) < worse(w.rank) ? 'stable' : 'welfare') as Mode }];
  });
  return { stable, welfare, differences };
}

/**
 * Publishes the chosen mode's result with the coordinator's adjustments (only to offers with
 * room); unplaced teachers are put on the waitlist. Each teacher gets an e-mail and a notice.
 * A published round is never changed.
 */
export async function publishPlacementRound(deps: Deps, actor: Actor, networkId: string, roundId: string, body: PublishInput): Promise<Round> {
  const nid = policyPlacementManage(actor, networkId);
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const round = await getRoundRow(tx, nid, roundId, true);
    if (!round) throw new AppError('NOT_FOUND');
    if (round.status === 'published') throw new AppError('PLACEMENT_PUBLISHED');
    const { input, offers, rankings } = await engineInput(deps, nid, round);
    const result = solve(body.mode === 'stable' ? placementStable : placementWelfare, input);
    const place = new Map<string, string | null>(rankings.map((r) => [r.ranking.teacherId, result.assignments.find((a) => a.teacherId === r.ranking.teacherId)?.offerId ?? null]));
    const manual = new Set<string>();
    for (const adj of body.adjustments) {
      if (!place.has(adj.teacherId)) throw new AppError('PLACEMENT_NOT_APPLIED');
      if (adj.offerId !== null && !offers.some((o) => o.id === adj.offerId)) throw new AppError('PLACEMENT_OFFER_NOT_IN_ROUND');
      place.set(adj.teacherId, adj.offerId);
      manual.add(adj.teacherId);
    }
    // Capacities are checked on the final state, so two teachers can swap full internships.
    for (const o of offers) {
      if ([...place.values()].filter((x) => x === o.id).length > o.capacity) throw new AppError('PLACEMENT_OFFER_FULL', { params: { title: o.title } });
    }
    const rows = rankings.map((r) => {
      const offerId = place.get(r.ranking.teacherId) ?? null;
      const i = offerId ? r.ranking.offerIds.indexOf(offerId) : -1;
      return { teacherId: r.ranking.teacherId, offerId, rank: i >= 0 ? i + 1 : null, waitlist: offerId === null, manual: manual.has(r.ranking.teacherId) };
    });
    const now = deps.now();
    await publishResults(tx, nid, roundId, body.mode, rows, now);
    const people = await listResults(tx, nid, roundId);
    for (const p of people) {
      const locale = (p.locale === 'en' ? 'en' : 'nl') as Locale;
      const offer = offers.find((o) => o.id === p.result.offerId);
      const kind = offer ? 'PLACED' : 'WAITLIST';
      const left = offers.filter((o) => o.capacity > rows.filter((r) => r.offerId === o.id).length).map((o) => `- ${o.title} (${o.hostName})`).join('\n') || '—';
      await learnerReportNotify(tx, nid, p.result.teacherId, `PLACEMENT_${kind}`, { roundId, title: round.title, offer: offer?.title ?? null, link: `/docentstages/${roundId}` }, now);
      const entries = buildPlacementEntries(p.result, offer, locale);
      mailIds.push(await createOutboxMessage(tx, {
        networkId: nid, to: p.email, subject: translate(locale, `MAIL_PLACEMENT_${kind}_SUBJECT`, { round: round.title }),
        text: translate(locale, `MAIL_PLACEMENT_${kind}_TEXT`, { name: p.name, round: round.title, offer: offer?.title ?? '', host: offer?.hostName ?? '', rank: p.result.rank ?? '—', left, link: `${deps.config.PUBLIC_URL}/docentstages/${roundId}` })
          + (offer ? '\n\n' + translate(locale, entries.length ? 'MAIL_PLACEMENT_DATES' : 'MAIL_PLACEMENT_NO_DATES', { count: entries.length }) : ''),
        ...(entries.length ? { ical: calendarFileBuild(entries, { name: round.title, method: 'REQUEST', organizer: organizer(deps) }), icalMethod: 'REQUEST' } : {}),
      }));
    }
    await recordAudit(tx, nid, actor.personId, 'update', 'placement_round', roundId, { published: body.mode, adjustments: body.adjustments.length });
  });
  await deliverMail(deps, mailIds);
  return readPlacementRound(deps, actor, networkId, roundId);
}

/**
 * After publishing, a coordinator moves one teacher by hand: to an internship of the round with
 * room (a waitlisted teacher takes a place that is left), or back to the waitlist. Nothing changes
 * silently: the teacher gets an e-mail with the updated calendar invitation (same UIDs, SEQUENCE
 * raised) or its cancellation, and an in-app notice.
 */
export async function movePlacementResult(deps: Deps, actor: Actor, networkId: string, roundId: string, teacherId: string, input: MoveInput): Promise<Round> {
  const nid = policyPlacementManage(actor, networkId);
  const mailIds: string[] = [];
  await deps.db.transaction(async (tx) => {
    const round = await getRoundRow(tx, nid, roundId, true);
    if (!round) throw new AppError('NOT_FOUND');
    if (round.status !== 'published') throw new AppError('PLACEMENT_NOT_PUBLISHED');
    const current = await getResultRow(tx, nid, roundId, teacherId);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.offerId === input.offerId) return;
    const offers = await roundOffers(deps, nid, round);
    const target = input.offerId === null ? undefined : offers.find((o) => o.id === input.offerId);
    if (input.offerId !== null && !target) throw new AppError('PLACEMENT_OFFER_NOT_IN_ROUND');
    const results = await listResults(tx, nid, roundId);
    if (target && results.filter((r) => r.result.offerId === target.id).length >= target.capacity) throw new AppError('PLACEMENT_OFFER_FULL', { params: { title: target.title } });
    const ranking = (await listRankings(tx, nid, roundId)).find((r) => r.ranking.teacherId === teacherId)?.ranking.offerIds ?? [];
    const i = target ? ranking.indexOf(target.id) : -1;
    const now = deps.now();
    await moveResult(tx, nid, roundId, teacherId, { offerId: target?.id ?? null, rank: i >= 0 ? i + 1 : null, waitlist: !target }, now);
    const p = results.find((r) => r.result.teacherId === teacherId)!;
    const locale = (p.locale === 'en' ? 'en' : 'nl') as Locale;
    const previous = offers.find((o) => o.id === current.offerId);
    const moved = { roundId, teacherId, sequence: current.sequence + 1, updatedAt: now };
    const entries = target
      ? buildPlacementEntries(moved, target, locale, previous)
      : buildPlacementEntries(moved, previous, locale).map((e) => ({ ...e, cancelled: true }));
    const method = entries.every((e) => e.cancelled) ? 'CANCEL' : 'REQUEST';
    const kind = target ? 'PLACED' : 'WAITLIST';
    await learnerReportNotify(tx, nid, teacherId, `PLACEMENT_${kind}`, { roundId, title: round.title, offer: target?.title ?? null, link: `/docentstages/${roundId}` }, now);
    mailIds.push(await createOutboxMessage(tx, {
      networkId: nid, to: p.email, subject: translate(locale, `MAIL_PLACEMENT_MOVED_${kind}_SUBJECT`, { round: round.title }),
      text: translate(locale, `MAIL_PLACEMENT_MOVED_${kind}_TEXT`, { name: p.name, round: round.title, offer: target?.title ?? '', host: target?.hostName ?? '', previous: previous?.title ?? '', rank: i >= 0 ? i + 1 : '—', link: `${deps.config.PUBLIC_URL}/docentstages/${roundId}` }),
      ...(entries.length ? { ical: calendarFileBuild(entries, { name: round.title, method, organizer: organizer(deps) }), icalMethod: method } : {}),
    }));
    await recordAudit(tx, nid, actor.personId, 'update', 'placement_result', roundId, { teacherId, from: current.offerId, to: target?.id ?? null });
  });
  await deliverMail(deps, mailIds);
  return readPlacementRound(deps, actor, networkId, roundId);
}

/** The published result of a round as rows for the coordinator's export. */
export async function listPlacementExportRows(deps: Deps, actor: Actor, networkId: string, roundId: string) {
  const nid = policyPlacementManage(actor, networkId);
  const round = await load(deps, nid, roundId);
  if (round.status !== 'published') throw new AppError('PLACEMENT_NOT_PUBLISHED');
  const offers = await roundOffers(deps, nid, round);
  const results = await listResults(deps.db, nid, roundId);
  return {
    round,
    rows: results.map((r) => {
      const o = offers.find((x) => x.id === r.result.offerId);
      return { teacher: r.name, email: r.email, offer: o?.title ?? '', host: o?.hostName ?? '', rank: r.result.rank, waitlist: r.result.waitlist, manual: r.result.manual };
    }),
  };
}

/** The calendar feed's entries of a person's placements (published rounds only). */
export async function listPlacementCalendarEntries(deps: Deps, nid: AuthorizedNetworkId, personId: string, locale: Locale): Promise<CalendarEntry[]> {
  const mine = await listPersonResults(deps.db, nid, personId);
  if (mine.length === 0) return [];
  const all = await offerListForPlacement(deps.db, nid);
  return mine.flatMap((r) => (r.offerId ? buildPlacementEntries(r, all.find((o) => o.id === r.offerId), locale) : []));
}
