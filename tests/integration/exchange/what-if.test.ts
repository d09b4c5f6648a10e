import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson } from '../../support/factories.ts';
import { lastWeek, makeEdition, makeLessons, makeRegistration, managerActor, placeLocation } from '../../support/exchange-fixture.ts';
import { registrations } from '../../../src/db/schema/index.ts';
import { travelMinutesByMode } from '../../../src/engine/index.ts';
import { startMatchingRun, readRun } from '../../../src/domain/exchange/match/actions.ts';
import { zonedToUtc, dateAddDays } from '../../../src/lib/time.ts';

// For every group of unmatched people the run says what a relaxed copy of its input would give
// ("raise the maximum travel time of these 2 people by 15 minutes: 1 more pair"), without
// changing anything: registrations keep their settings and the run keeps its pairs.
let h: Harness;

beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  h.clock.reset();
  await h?.stop();
});

describe('what-ifs for the unmatched', () => {
  it('computes how many more pairs a longer maximum travel time gives, and applies nothing', async () => {
    const db = h.deps.db;
    const network = await makeNetwork(db);
    const mbo = await makeInstitution(db, network.id, { kind: 'mbo' });
    const hbo = await makeInstitution(db, network.id, { kind: 'hbo' });
    const [locA, locB] = [await makeLocation(db, network.id, mbo.id), await makeLocation(db, network.id, hbo.id)];
    await placeLocation(h, locA.id, 52.0907, 5.1214);
    await placeLocation(h, locB.id, 52.1061, 5.2);
    const travel = travelMinutesByMode({ id: 'a', lat: 52.0907, lon: 5.1214 }, { id: 'b', lat: 52.1061, lon: 5.2 }, 'bike');
    const [progA, progB] = [await makeProgramme(db, network.id, mbo.id), await makeProgramme(db, network.id, hbo.id, { level: 'bachelor' })];
    const teacherA = await makePerson(db, network.id, 'teacher', mbo.id, { programmeIds: [progA.id] });
    const teacherB = await makePerson(db, network.id, 'teacher', hbo.id, { programmeIds: [progB.id] });
    const manager = await makePerson(db, network.id, 'network_coordinator', null);
    const edition = await makeEdition(h, network.id, { a: mbo.id, b: hbo.id }, 'matching');
    await makeRegistration(h, network.id, edition, { personId: teacherA.id, institutionId: mbo.id, side: 'a', programmeId: progA.id, locationId: locA.id });
    await makeRegistration(h, network.id, edition, { personId: teacherB.id, institutionId: hbo.id, side: 'b', programmeId: progB.id, locationId: locB.id });
    // Both may travel a little less than the ride takes: too far, but not by 15 minutes.
    await db.update(registrations).set({ maxTravelMinutes: travel - 5 }).where(eq(registrations.editionId, edition));
    await makeLessons(h, network.id, teacherA.id, locA.id, ['08:30', '13:00']);
    await makeLessons(h, network.id, teacherB.id, locB.id, ['10:30', '15:00']);

    h.clock.set(zonedToUtc(dateAddDays(lastWeek().monday, -1), '12:00'));
    const actor = managerActor(network.id, manager.id);
    const started = await startMatchingRun(h.deps, actor, network.id, edition);
    const run = await readRun(h.deps, actor, network.id, edition, started.id);
    h.clock.reset();
    expect(run.status).toBe('done');
    expect(run.summary).toMatchObject({ pairs: 0, unmatchedByReason: { TRAVEL_TOO_FAR: 2 } });
    expect(run.summary?.whatIfs).toEqual([{ reason: 'TRAVEL_TOO_FAR', change: 'TRAVEL_PLUS_15', people: 2, morePairs: 1, groupMatched: 2 }]);
    // Nothing was applied: the registrations keep their maximum and the run has no pair.
    const rows = await db.select().from(registrations).where(eq(registrations.editionId, edition));
    expect(rows.map((r) => r.maxTravelMinutes)).toEqual([travel - 5, travel - 5]);
    expect(run.proposal?.pairs).toEqual([]);
  });
});
