import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson, makeInvitation, PASSWORD } from '../support/factories.ts';
import { makeLearnerReport, makeLearnerReportShare } from '../support/factories.ts';
import {
  institutions, locations, programmes, memberships, invitations, people, personProgrammes, mailOutbox, editions, registrations, matchingRuns, pairRules,
  visits, reflections, evaluations, calendarFeeds, timetableBlocks, timetableSources,
} from '../../src/db/schema/index.ts';
import { makeExchangeFixture, makeEdition, makeRegistration, makeVisit, makeSource, managerActor, type ExchangeFixture } from '../support/exchange-fixture.ts';
import { startMatchingRun, setPairRule } from '../../src/domain/exchange/match/actions.ts';
import { listRunVisitOptions, listVisitOptions } from '../../src/domain/exchange/visit/actions.ts';
import type { Role } from '../../src/domain/foundation/person/schema.ts';

// A table over EVERY API route: (1) a user of network A can neither read nor change anything
// of network B, whatever id they put in the URL; (2) inside their own network each role gets
// exactly what it may. The last test fails when a route exists that the table does not list.

/** Path parameters (networkId and id, plus any others by name), an optional query string and a body that overrides the route's. */
type Ids = { nid: string; id?: string; params?: Record<string, string>; query?: string; body?: unknown };
interface Fixture {
  nid: string;
  instName: string;
  inst: string; // the school coordinator's / team lead's / teacher's institution
  otherInst: string; // another institution in the same network
  loc: string;
  prog: string;
  teacher: string; // a teacher of `inst` (not the actor)
  invitation: string;
  reportAuthor: string; // the teacher actor (in B: `teacher`), author of `report`
  report: string;
  reportActivity: string;
  ex: ExchangeFixture;
  progB: string;
  locB: string;
  teacherB: string; // a teacher of `otherInst` (side b of the exchange editions)
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string; // OpenAPI path as registered, e.g. /networks/{networkId}/institutions/{id}
  allowed: Role[];
  /** ids inside the fixture network; destructive routes create a fresh target each call */
  target: (f: Fixture, h: Harness) => Promise<Ids> | Ids;
  body?: (f: Fixture) => unknown;
  /** Status for roles not in `allowed` (default 403); e.g. 409 where the role may ask but has nothing to get. */
  deniedStatus?: number;
}

const ed = (f: Fixture, editionId: string, extra: Record<string, string> = {}): Ids => ({ nid: f.nid, params: { editionId, ...extra } });
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\nBEGIN:VEVENT\r\nUID:les-1@test\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Amsterdam:20261124T083000\r\nDTEND;TZID=Europe/Amsterdam:20261124T092000\r\nSUMMARY:WIS 3HA\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

const ALL: Role[] = ['admin', 'network_coordinator', 'school_coordinator', 'team_lead', 'teacher', 'professional'];
const MANAGERS: Role[] = ['admin', 'network_coordinator'];
const SCHOOL: Role[] = ['admin', 'network_coordinator', 'school_coordinator'];
const PEOPLE_READERS: Role[] = ['admin', 'network_coordinator', 'school_coordinator', 'team_lead'];

const routes: RouteCase[] = [
  { method: 'GET', path: '/networks/{networkId}', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/audit', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/institutions', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/institutions', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ name: `Nieuw ${Math.random()}`, kind: 'hbo' }) },
  { method: 'GET', path: '/networks/{networkId}/institutions/{id}', allowed: ALL, target: (f) => ({ nid: f.nid, id: f.inst }) },
  { method: 'PATCH', path: '/networks/{networkId}/institutions/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ website: 'https://example.nl' }) },
  { method: 'DELETE', path: '/networks/{networkId}/institutions/{id}', allowed: MANAGERS, target: async (f, h) => ({ nid: f.nid, id: (await makeInstitution(h.deps.db, f.nid)).id }) },
  { method: 'GET', path: '/networks/{networkId}/institutions/{id}/locations', allowed: ALL, target: (f) => ({ nid: f.nid, id: f.inst }) },
  { method: 'POST', path: '/networks/{networkId}/institutions/{id}/locations', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ name: 'Dependance', address: 'Laan 2', postcode: '3511AB', city: 'Utrecht' }) },
  { method: 'PATCH', path: '/networks/{networkId}/locations/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.loc }), body: () => ({ city: 'Amersfoort' }) },
  { method: 'DELETE', path: '/networks/{networkId}/locations/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeLocation(h.deps.db, f.nid, f.inst)).id }) },
  { method: 'GET', path: '/networks/{networkId}/programmes', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/programmes', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ institutionId: f.inst, name: `Opleiding ${Math.random()}`, iscedCode: '0613', level: 'mbo-4' }) },
  { method: 'PATCH', path: '/networks/{networkId}/programmes/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.prog }), body: () => ({ code: '25998' }) },
  { method: 'DELETE', path: '/networks/{networkId}/programmes/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeProgramme(h.deps.db, f.nid, f.inst)).id }) },
  { method: 'GET', path: '/networks/{networkId}/people', allowed: PEOPLE_READERS, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/people/{id}', allowed: PEOPLE_READERS, target: (f) => ({ nid: f.nid, id: f.teacher }) },
  { method: 'PATCH', path: '/networks/{networkId}/people/{id}', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.teacher }), body: (f) => ({ programmeIds: [f.prog] }) },
  { method: 'DELETE', path: '/networks/{networkId}/people/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makePerson(h.deps.db, f.nid, 'teacher', f.inst)).id }) },
  { method: 'GET', path: '/networks/{networkId}/invitations', allowed: SCHOOL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/invitations', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ email: `nieuw.${Math.random()}@example.nl`, name: 'Nieuwe Docent', role: 'teacher', institutionId: f.inst }) },
  { method: 'DELETE', path: '/networks/{networkId}/invitations/{id}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, id: (await makeInvitation(h.deps.db, f.nid, f.inst)).id }) },
  { method: 'POST', path: '/networks/{networkId}/imports/people', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ csv: `naam;email;instelling\nPiet Import;piet.import@example.nl;${f.instName}\n`, dryRun: true }) },
  { method: 'POST', path: '/networks/{networkId}/imports/programmes', allowed: SCHOOL, target: (f) => ({ nid: f.nid }), body: (f) => ({ csv: `naam,isced,niveau,instelling\nTest,0613,mbo 4,${f.instName}\n`, dryRun: true }) },
  { method: 'GET', path: '/networks/{networkId}/outbox', allowed: ['admin'], target: (f) => ({ nid: f.nid }) },
  // learner reports: the text is the author's (the teacher actor); counts for team leads and coordinators
  { method: 'GET', path: '/networks/{networkId}/learner-report-settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }) },
  { method: 'PATCH', path: '/networks/{networkId}/learner-report-settings', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ maxActivities: 5 }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/learner-reports', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({ periodStart: '2026-09-01', periodEnd: '2026-10-19' }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/shared-with-me', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/share-candidates', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/history', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/candidates', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/insight', allowed: ['network_coordinator', 'team_lead'], target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/portfolio.pdf', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/conversation-sheet.pdf', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/research-export.csv', allowed: ['network_coordinator'], target: (f) => ({ nid: f.nid }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }) },
  { method: 'PATCH', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }), body: () => ({ revision: 1, inventory: ['Intervisie'] }) },
  { method: 'DELETE', path: '/networks/{networkId}/learner-reports/{id}', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }) },
  { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/complete', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor)).id }), body: () => ({ revision: 1 }) },
  { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/reopen', allowed: ['teacher'], target: async (f, h) => ({ nid: f.nid, id: (await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor, { status: 'completed' })).id }), body: () => ({ revision: 1 }) },
  { method: 'GET', path: '/networks/{networkId}/learner-reports/{id}/revisions', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }) },
  { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/suggest-type', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }), body: (f) => ({ activityId: f.reportActivity }) },
  { method: 'POST', path: '/networks/{networkId}/learner-reports/{id}/shares', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.report }), body: (f) => ({ personId: f.teacher }) },
  { method: 'DELETE', path: '/networks/{networkId}/learner-report-shares/{id}', allowed: ['teacher'], target: async (f, h) => {
    const report = await makeLearnerReport(h.deps.db, f.nid, f.reportAuthor);
    return { nid: f.nid, id: (await makeLearnerReportShare(h.deps.db, f.nid, report.id, f.teacher)).id };
  } },
  { method: 'POST', path: '/networks/{networkId}/typology/suggest', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({ text: 'Ik heb een workshop gevolgd over formatief evalueren' }) },
  { method: 'GET', path: '/networks/{networkId}/notifications', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/notifications/read', allowed: ALL, target: (f) => ({ nid: f.nid }), body: () => ({}) },
  // the exchange week: editions, registrations, runs (coordinators); visits, feed, evaluation (participants)
  { method: 'GET', path: '/networks/{networkId}/editions', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/editions', allowed: MANAGERS, target: (f) => ({ nid: f.nid }), body: () => ({ name: 'Week van de uitwisseling', windowStart: '2027-03-08', windowEnd: '2027-03-12', announcementDate: '2026-12-01', registrationDeadline: '2027-02-15' }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}', allowed: ALL, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'PATCH', path: '/networks/{networkId}/editions/{editionId}', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition), body: () => ({ description: 'Kijk een les mee.' }) },
  { method: 'DELETE', path: '/networks/{networkId}/editions/{editionId}', allowed: MANAGERS, target: async (f, h) => ed(f, await makeEdition(h, f.nid, { a: f.inst, b: f.otherInst }, 'draft')) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/copy', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/transition', allowed: MANAGERS, target: async (f, h) => ed(f, await makeEdition(h, f.nid, { a: f.inst, b: f.otherInst }, 'draft')), body: () => ({ to: 'announced' }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/registrations', allowed: ALL, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/registration', allowed: ALL, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'PUT', path: '/networks/{networkId}/editions/{editionId}/registrations/{personId}', allowed: SCHOOL, target: (f) => ed(f, f.ex.openEdition, { personId: f.teacher }), body: (f) => ({ programmeIds: [f.prog], travelMode: 'bike', maxTravelMinutes: 30 }) },
  { method: 'DELETE', path: '/networks/{networkId}/editions/{editionId}/registrations/{personId}', allowed: SCHOOL, target: async (f, h) => {
    const person = await makePerson(h.deps.db, f.nid, 'teacher', f.inst);
    await makeRegistration(h, f.nid, f.ex.openEdition, { personId: person.id, institutionId: f.inst, side: 'a', programmeId: f.prog, locationId: f.loc });
    return ed(f, f.ex.openEdition, { personId: person.id });
  } },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/runs', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/runs', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/runs/compare', allowed: MANAGERS, target: (f) => ({ ...ed(f, f.ex.openEdition), query: `a=${f.ex.run}&b=${f.ex.run2}` }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition, { runId: f.ex.run }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/input', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition, { runId: f.ex.run }) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/publish', allowed: MANAGERS, target: async (f, h) => {
    const editionId = await makeEdition(h, f.nid, { a: f.inst, b: f.otherInst }, 'matching');
    await makeRegistration(h, f.nid, editionId, { personId: f.reportAuthor, institutionId: f.inst, side: 'a', programmeId: f.prog, locationId: f.loc });
    await makeRegistration(h, f.nid, editionId, { personId: f.teacherB, institutionId: f.otherInst, side: 'b', programmeId: f.progB, locationId: f.locB });
    const run = await startMatchingRun(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, editionId);
    return ed(f, editionId, { runId: run.id });
  } },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/visits/{index}/options', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition, { runId: f.ex.run, index: '0' }) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/runs/{runId}/visits/{index}/move', allowed: MANAGERS, target: async (f, h) => {
    const [option] = await listRunVisitOptions(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, f.ex.openEdition, f.ex.run, 0);
    return { ...ed(f, f.ex.openEdition, { runId: f.ex.run, index: '0' }), body: { lessonStart: option!.lessonStart } };
  } },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/pair-rules', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition) },
  { method: 'POST', path: '/networks/{networkId}/editions/{editionId}/pair-rules', allowed: MANAGERS, target: (f) => ed(f, f.ex.openEdition), body: (f) => ({ aPersonId: f.reportAuthor, bPersonId: f.teacherB, kind: 'pin' }) },
  { method: 'DELETE', path: '/networks/{networkId}/editions/{editionId}/pair-rules/{id}', allowed: MANAGERS, target: async (f, h) => {
    const rules = await setPairRule(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, f.ex.openEdition, { aPersonId: f.reportAuthor, bPersonId: f.teacherB, kind: 'forbid' });
    return { ...ed(f, f.ex.openEdition), id: rules[0]!.id };
  } },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/visits', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/visits/{id}/options', allowed: MANAGERS, target: (f) => ({ nid: f.nid, id: f.ex.publishedVisit }) },
  { method: 'POST', path: '/networks/{networkId}/visits/{id}/move', allowed: MANAGERS, target: async (f, h) => {
    const [option] = await listVisitOptions(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, f.ex.publishedVisit);
    return { nid: f.nid, id: f.ex.publishedVisit, body: { lessonStart: option!.lessonStart } };
  } },
  { method: 'POST', path: '/networks/{networkId}/visits/{id}/cancel', allowed: [...MANAGERS, 'teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeVisit(h, f.nid, f.ex.publishedEdition, f.reportAuthor, f.teacherB, f.locB) }) },
  { method: 'POST', path: '/networks/{networkId}/visits/{id}/check-in', allowed: [...MANAGERS, 'teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeVisit(h, f.nid, f.ex.publishedEdition, f.reportAuthor, f.teacherB, f.locB) }) },
  { method: 'PUT', path: '/networks/{networkId}/visits/{id}/reflection', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.ex.publishedVisit }), body: () => ({ observed: 'Een sterke start van de les.', learned: 'Activerende werkvormen', apply: 'Ik probeer het volgende week' }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/my-exchange', allowed: ALL, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'PUT', path: '/networks/{networkId}/editions/{editionId}/evaluation', allowed: ['teacher'], deniedStatus: 422, target: (f) => ed(f, f.ex.publishedEdition), body: () => ({ overall: 4, partnerFit: 5, organisation: 4, wouldRecommend: true }) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/funnel', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report.csv', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report.xlsx', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/certificate.pdf', allowed: ['teacher'], deniedStatus: 409, target: (f) => ed(f, f.ex.publishedEdition) },
  { method: 'GET', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'POST', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  { method: 'DELETE', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  // a person's timetable: themself, or who manages people of their institution
  { method: 'GET', path: '/networks/{networkId}/people/{personId}/timetable', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }) },
  { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/ical', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ ics: ICS }) },
  { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/url', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: (f) => ({ url: f.ex.feedUrl }) },
  { method: 'POST', path: '/networks/{networkId}/people/{personId}/timetable/csv', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ csv: 'datum;begin;eind;omschrijving\n2026-11-24;08:30;09:20;WIS 3HA\n' }) },
  { method: 'PUT', path: '/networks/{networkId}/people/{personId}/timetable/grid', allowed: SCHOOL, target: (f) => ({ nid: f.nid, params: { personId: f.teacher } }), body: () => ({ entries: [{ weekday: 1, start: '08:30', end: '09:20', kind: 'lesson', summary: 'Les', location: '' }] }) },
  { method: 'POST', path: '/networks/{networkId}/institutions/{id}/timetable/ical', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ files: [{ fileName: 'onbekend@example.nl.ics', ics: ICS }] }) },
  { method: 'POST', path: '/networks/{networkId}/institutions/{id}/timetable/csv', allowed: SCHOOL, target: (f) => ({ nid: f.nid, id: f.inst }), body: () => ({ csv: 'docent;datum;begin;eind\nonbekend@example.nl;2026-11-24;08:30;09:20\n' }) },
  { method: 'DELETE', path: '/networks/{networkId}/people/{personId}/timetable/sources/{sourceId}', allowed: SCHOOL, target: async (f, h) => ({ nid: f.nid, params: { personId: f.teacher, sourceId: await makeSource(h, f.nid, f.teacher) } }) },
];


/** Routes that are not scoped to a network: public, or about the logged-in user only. */
const unscoped = new Set([
  'GET /health', 'GET /openapi.json', 'GET /demo', 'GET /reference/isced',
  'POST /auth/login', 'POST /auth/logout', 'GET /auth/me', 'PATCH /auth/me',
  'POST /auth/password-reset', 'POST /auth/password-reset/confirm',
  'GET /invitations/{token}', 'POST /invitations/{token}/accept',
  'GET /public/editions/{slug}', 'GET /calendar/{file}',
]);

const url = (path: string, ids: Ids) => {
  const params: Record<string, string> = { networkId: ids.nid, ...(ids.id ? { id: ids.id } : {}), ...ids.params };
  return `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}${ids.query ? `?${ids.query}` : ''}`;
};
const bodyOf = (route: RouteCase, ids: Ids, f: Fixture) => (ids.body !== undefined ? ids.body : route.body?.(f));

let h: Harness;
let A: Fixture;
let B: Fixture;
const actors = new Map<Role, ApiClient>();

async function makeFixture(withActors: boolean): Promise<Fixture> {
  const db = h.deps.db;
  const network = await makeNetwork(db);
  const inst = await makeInstitution(db, network.id, { kind: 'mbo' });
  const otherInst = await makeInstitution(db, network.id, { kind: 'hbo' });
  const company = await makeInstitution(db, network.id, { kind: 'company' });
  const loc = await makeLocation(db, network.id, inst.id);
  const prog = await makeProgramme(db, network.id, inst.id);
  await makeProgramme(db, network.id, otherInst.id);
  const teacher = await makePerson(db, network.id, 'teacher', inst.id, { programmeIds: [prog.id] });
  const invitation = await makeInvitation(db, network.id, inst.id);
  let reportAuthor = teacher.id;
  if (withActors) {
    const scoped: Record<Role, string | null> = {
      admin: null, network_coordinator: null, school_coordinator: inst.id, team_lead: inst.id, teacher: inst.id, professional: company.id,
    };
    for (const role of ALL) {
      const person = await makePerson(db, network.id, role, scoped[role]);
      if (role === 'teacher') reportAuthor = person.id;
      const client = h.client();
      const res = await client.login(person.email, PASSWORD);
      expect(res.status).toBe(200);
      actors.set(role, client);
    }
  }
  const report = await makeLearnerReport(db, network.id, reportAuthor);
  const locB = await makeLocation(db, network.id, otherInst.id);
  const progB = await makeProgramme(db, network.id, otherInst.id, { iscedCode: '0613', level: 'bachelor' });
  const teacherB = await makePerson(db, network.id, 'teacher', otherInst.id, { programmeIds: [progB.id] });
  const ex = await makeExchangeFixture(h, {
    nid: network.id, instA: inst.id, instB: otherInst.id, locA: loc.id, locB: locB.id, teacherA: reportAuthor, teacherB: teacherB.id, progA: prog.id, progB: progB.id, teacher: teacher.id,
  });
  const reportActivity = (report.content as { activities: { id: string }[] }).activities[0]!.id;
  return {
    nid: network.id, instName: inst.name, inst: inst.id, otherInst: otherInst.id, loc: loc.id, prog: prog.id, teacher: teacher.id, invitation: invitation.id,
    reportAuthor, report: report.id, reportActivity, ex, teacherB: teacherB.id, progB: progB.id, locB: locB.id,
  };
}

/** Everything of network B, to prove that nothing changed. */
async function snapshot(nid: string) {
  const db = h.deps.db;
  const people_ = await db.select({ id: people.id, name: people.name, email: people.email }).from(people);
  return JSON.stringify({
    institutions: await db.select().from(institutions).where(eq(institutions.networkId, nid)).orderBy(institutions.id),
    locations: await db.select().from(locations).where(eq(locations.networkId, nid)).orderBy(locations.id),
    programmes: await db.select().from(programmes).where(eq(programmes.networkId, nid)).orderBy(programmes.id),
    memberships: await db.select().from(memberships).where(eq(memberships.networkId, nid)).orderBy(memberships.id),
    personProgrammes: await db.select().from(personProgrammes).where(eq(personProgrammes.networkId, nid)),
    invitations: await db.select().from(invitations).where(eq(invitations.networkId, nid)).orderBy(invitations.id),
    outbox: await db.select().from(mailOutbox).where(eq(mailOutbox.networkId, nid)).orderBy(mailOutbox.id),
    people: people_.filter((p) => p.email.endsWith('@example.nl')).sort((a, b) => a.id.localeCompare(b.id)),
    editions: await db.select().from(editions).where(eq(editions.networkId, nid)).orderBy(editions.id),
    registrations: await db.select().from(registrations).where(eq(registrations.networkId, nid)).orderBy(registrations.id),
    runs: await db.select().from(matchingRuns).where(eq(matchingRuns.networkId, nid)).orderBy(matchingRuns.id),
    pairRules: await db.select().from(pairRules).where(eq(pairRules.networkId, nid)).orderBy(pairRules.id),
    visits: await db.select().from(visits).where(eq(visits.networkId, nid)).orderBy(visits.id),
    reflections: await db.select().from(reflections).where(eq(reflections.networkId, nid)).orderBy(reflections.id),
    evaluations: await db.select().from(evaluations).where(eq(evaluations.networkId, nid)).orderBy(evaluations.id),
    feeds: await db.select().from(calendarFeeds).where(eq(calendarFeeds.networkId, nid)).orderBy(calendarFeeds.id),
    blocks: await db.select().from(timetableBlocks).where(eq(timetableBlocks.networkId, nid)).orderBy(timetableBlocks.id),
    sources: await db.select().from(timetableSources).where(eq(timetableSources.networkId, nid)).orderBy(timetableSources.id),
  });
}

beforeAll(async () => {
  h = await harnessStart({ smtp: true, env: { KRUISPUNT_ALLOW_PRIVATE_FEEDS: '1' } });
  A = await makeFixture(true);
  B = await makeFixture(false);
});

afterAll(async () => {
  await h?.stop();
});

describe('tenant isolation over every API route', () => {
  it('lists every network-scoped route of the OpenAPI document in the table', async () => {
    const doc = (await h.client().request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...routes.map((r) => `${r.method} ${r.path}`), ...unscoped]);
    const missing = documented.filter((r) => !covered.has(r));
    expect(missing, `routes without an isolation case: ${missing.join(', ')}`).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(routes.length + unscoped.size - 1);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: network A cannot reach network B', async (_name, route) => {
    // Targets in B (fresh ones for destructive routes) exist before the snapshot is taken.
    const targets = new Map<Role, Ids>();
    for (const role of ALL) targets.set(role, await route.target(B, h));
    const before = await snapshot(B.nid);
    for (const role of ALL) {
      const client = actors.get(role)!;
      const targetB = targets.get(role)!;
      // B's network id in the URL
      const res = await client.request(route.method, url(route.path, targetB), bodyOf(route, targetB, B));
      expect([403, 404], `${role} ${route.method} ${url(route.path, targetB)} → ${res.status}`).toContain(res.status);
      // A's own network id, but an item of B
      if (targetB.id || targetB.params) {
        const res2 = await client.request(route.method, url(route.path, { ...targetB, nid: A.nid }), bodyOf(route, targetB, B));
        expect([403, 404], `${role} ${route.method} ${url(route.path, { ...targetB, nid: A.nid })} → ${res2.status}`).toContain(res2.status);
      }
    }
    expect(await snapshot(B.nid)).toBe(before);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: each role gets only what it may', async (_name, route) => {
    for (const role of ALL) {
      const client = actors.get(role)!;
      const target = await route.target(A, h);
      const res = await client.request(route.method, url(route.path, target), bodyOf(route, target, A));
      const allowed = route.allowed.includes(role);
      if (allowed) expect(res.status, `${role} should be allowed ${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      else expect(res.status, `${role} must be refused ${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBe(route.deniedStatus ?? 403);
    }
  });

  it('a school coordinator cannot change another institution of their own network', async () => {
    const sc = actors.get('school_coordinator')!;
    const other = await makeLocation(h.deps.db, A.nid, A.otherInst);
    const patch = await sc.request('PATCH', `/api/networks/${A.nid}/institutions/${A.otherInst}`, { website: 'https://x.nl' });
    expect(patch.status).toBe(403);
    const loc = await sc.request('PATCH', `/api/networks/${A.nid}/locations/${other.id}`, { city: 'Zwolle' });
    expect(loc.status).toBe(403);
    const prog = await sc.request('POST', `/api/networks/${A.nid}/programmes`, { institutionId: A.otherInst, name: 'Niet van mij', iscedCode: '0613', level: 'bachelor' });
    expect(prog.status).toBe(403);
    const invite = await sc.request('POST', `/api/networks/${A.nid}/invitations`, { email: 'x@example.nl', name: 'X Y', role: 'network_coordinator' });
    expect(invite.status).toBe(403);
    const people_ = await sc.request('GET', `/api/networks/${A.nid}/people`);
    expect(people_.status).toBe(200);
    expect((people_.body as { roles: { institutionId: string | null }[] }[]).every((p) => p.roles.some((r) => r.institutionId === A.inst))).toBe(true);
  });

  it('lets a teacher find colleagues to share a learner report with, without their e-mail addresses', async () => {
    const res = await actors.get('teacher')!.request('GET', `/api/networks/${A.nid}/learner-reports/share-candidates`);
    expect(res.status).toBe(200);
    const list = res.body as Record<string, unknown>[];
    expect(list.map((p) => p.id)).toContain(A.teacher);
    expect(list.map((p) => p.id)).not.toContain(A.reportAuthor);
    expect(list.every((p) => !('email' in p))).toBe(true);
    expect(JSON.stringify(list)).not.toContain('@example.nl');
  });

  it('refuses every network route without a session', async () => {
    const anonymous = h.client();
    for (const route of routes) {
      const target = await route.target(A, h);
      const res = await anonymous.request(route.method, url(route.path, target), bodyOf(route, target, A));
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
