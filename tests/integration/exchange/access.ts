import { onTestFinished } from 'vitest';
import { makePerson } from '../../support/factories.ts';
import { lastWeek, makeEdition, makeRegistration, makeVisit, managerActor } from '../../support/exchange-fixture.ts';
import { dateAddDays, zonedToUtc } from '../../../src/lib/time.ts';
import type { Harness } from '../../support/harness.ts';
import { startMatchingRun, setPairRule } from '../../../src/domain/exchange/match/actions.ts';
import { listRunVisitOptions, listVisitOptions } from '../../../src/domain/exchange/visit/actions.ts';
import { ALL, MANAGERS, SCHOOL, ed, type AreaAccess } from '../../support/access.ts';

// The exchange week: editions, registrations, runs (coordinators); visits, feed, evaluation (participants).

/**
 * The fixture's visits lie in last week, and only times still ahead can be chosen for a move:
 * moves are tried on the Sunday before that week (the server's clock), until the test ends.
 */
function beforeTheWeek(h: Harness) {
  h.clock.set(zonedToUtc(dateAddDays(lastWeek().monday, -1), '12:00'));
  onTestFinished(() => h.clock.reset());
}
export const access: AreaAccess = {
  routes: [
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
      beforeTheWeek(h);
      const { options: [option] } = await listRunVisitOptions(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, f.ex.openEdition, f.ex.run, 0);
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
      beforeTheWeek(h);
      const { options: [option] } = await listVisitOptions(h.deps, managerActor(f.nid, f.ex.managerId), f.nid, f.ex.publishedVisit);
      return { nid: f.nid, id: f.ex.publishedVisit, body: { lessonStart: option!.lessonStart } };
    } },
    { method: 'POST', path: '/networks/{networkId}/visits/{id}/cancel', allowed: [...MANAGERS, 'teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeVisit(h, f.nid, f.ex.publishedEdition, f.reportAuthor, f.teacherB, f.locB) }) },
    { method: 'POST', path: '/networks/{networkId}/visits/{id}/check-in', allowed: [...MANAGERS, 'teacher'], target: async (f, h) => ({ nid: f.nid, id: await makeVisit(h, f.nid, f.ex.publishedEdition, f.reportAuthor, f.teacherB, f.locB) }) },
    { method: 'PUT', path: '/networks/{networkId}/visits/{id}/reflection', allowed: ['teacher'], target: (f) => ({ nid: f.nid, id: f.ex.publishedVisit }), body: () => ({ observed: 'Een sterke start van de les.', learned: 'Activerende werkvormen', apply: 'Ik probeer het volgende week' }) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/my-exchange', allowed: ALL, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/exchange-home', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'PUT', path: '/networks/{networkId}/editions/{editionId}/waitlist', allowed: ['teacher'], deniedStatus: 422, target: (f) => ed(f, f.ex.publishedEdition), body: () => ({ waitlist: true }) },
    { method: 'PUT', path: '/networks/{networkId}/editions/{editionId}/evaluation', allowed: ['teacher'], deniedStatus: 422, target: (f) => ed(f, f.ex.publishedEdition), body: () => ({ overall: 4, partnerFit: 5, organisation: 4, wouldRecommend: true }) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/funnel', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report.csv', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/report.xlsx', allowed: MANAGERS, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/editions/{editionId}/certificate.pdf', allowed: ['teacher'], deniedStatus: 409, target: (f) => ed(f, f.ex.publishedEdition) },
    { method: 'GET', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'POST', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    { method: 'DELETE', path: '/networks/{networkId}/calendar-feed', allowed: ALL, target: (f) => ({ nid: f.nid }) },
  ],
  unscoped: ['GET /public/editions/{slug}', 'GET /calendar/{file}'],
};
