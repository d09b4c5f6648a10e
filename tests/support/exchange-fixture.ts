import { eq } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Harness } from './harness.ts';
import { makePerson } from './factories.ts';
import {
  editions, editionInstitutions, registrations, timetableBlocks, timetableSources, visits, locations,
} from '../../src/db/schema/index.ts';
import type { Actor } from '../../src/domain/foundation/auth/types.ts';
import { startMatchingRun } from '../../src/domain/exchange/match/actions.ts';
import { publishRun, createCalendarFeed } from '../../src/domain/exchange/visit/actions.ts';
import { zonedDate, zonedToUtc, dateAddDays, dateWeekday } from '../../src/lib/time.ts';

// An exchange week for tests, written straight to the database: two teachers of related
// programmes (0613) at two institutions whose lessons leave room for a visit both ways, in
// last week's window (so visits lie in the past and can be checked in).

export interface ExchangeFixture {
  openEdition: string; // registration_open, both teachers registered, with two finished runs
  run: string;
  run2: string;
  publishedEdition: string;
  publishedVisit: string; // a visit created by publishing (options and move work on it)
  feedUrl: string; // teacher B's calendar feed with the published visits (a valid iCalendar URL on this server)
  teacherSource: string; // a timetable source of the fixture teacher
  managerId: string; // a network coordinator (not logged in) for setting things up through actions
}

export function managerActor(networkId: string, personId: string): Actor {
  return { personId, name: 'Coördinator', email: 'coordinator@example.nl', locale: 'nl', memberships: [{ networkId, institutionId: null, role: 'network_coordinator' }] };
}

export function lastWeek(now = new Date()) {
  const today = zonedDate(now);
  const monday = dateAddDays(today, 1 - dateWeekday(today) - 7);
  return { monday, friday: dateAddDays(monday, 4) };
}

/** Gives an institution's first location coordinates (the engine needs a position). */
export async function placeLocation(h: Harness, locationId: string, lat: number, lon: number) {
  await h.deps.db.update(locations).set({ latitude: lat, longitude: lon }).where(eq(locations.id, locationId));
}

export async function makeEdition(h: Harness, networkId: string, sides: { a: string; b: string }, status: typeof editions.$inferInsert['status']) {
  const { monday, friday } = lastWeek();
  const [row] = await h.deps.db.insert(editions).values({
    networkId, name: `Uitwisseling ${randomBytes(3).toString('hex')}`, status, windowStart: monday, windowEnd: friday,
    announcementDate: dateAddDays(monday, -40), registrationDeadline: dateAddDays(monday, -7), publicSlug: randomBytes(9).toString('base64url'),
  }).returning();
  await h.deps.db.insert(editionInstitutions).values([
    { networkId, editionId: row!.id, institutionId: sides.a, side: 'a' },
    { networkId, editionId: row!.id, institutionId: sides.b, side: 'b' },
  ]);
  return row!.id;
}

export async function makeRegistration(h: Harness, networkId: string, editionId: string, r: { personId: string; institutionId: string; side: 'a' | 'b'; programmeId: string; locationId: string }) {
  await h.deps.db.insert(registrations).values({
    networkId, editionId, personId: r.personId, institutionId: r.institutionId, side: r.side, programmeIds: [r.programmeId],
    travelMode: 'bike', maxTravelMinutes: 60, baseLocationId: r.locationId, wishes: ['transition'],
  }).onConflictDoNothing();
}

/** Lessons Monday–Friday of last week: A teaches 08:30 and 13:00, B teaches 10:30 and 15:00. */
export async function makeLessons(h: Harness, networkId: string, personId: string, locationId: string, times: string[]) {
  const { monday } = lastWeek();
  const rows: (typeof timetableBlocks.$inferInsert)[] = [];
  for (let d = 0; d < 5; d++) {
    for (const t of times) {
      const start = zonedToUtc(dateAddDays(monday, d), t);
      rows.push({ networkId, personId, startAt: start, endAt: new Date(start.getTime() + 50 * 60_000), kind: 'lesson', summary: 'Les', locationId, source: 'test' });
    }
  }
  await h.deps.db.insert(timetableBlocks).values(rows);
}

export async function makeVisit(h: Harness, networkId: string, editionId: string, observerId: string, hostId: string, locationId: string, daysAgo = 3) {
  const start = new Date(Date.now() - daysAgo * 86_400_000);
  const [row] = await h.deps.db.insert(visits).values({
    networkId, editionId, observerId, hostId, lessonStart: start, lessonEnd: new Date(start.getTime() + 50 * 60_000),
    leaveAt: new Date(start.getTime() - 20 * 60_000), returnBy: new Date(start.getTime() + 70 * 60_000), locationId, uid: `${randomUUID()}@kruispunt`,
  }).returning();
  return row!.id;
}

export async function makeSource(h: Harness, networkId: string, personId: string) {
  const [row] = await h.deps.db.insert(timetableSources).values({ networkId, personId, kind: 'grid' }).returning();
  return row!.id;
}

export async function makeExchangeFixture(h: Harness, f: {
  nid: string; instA: string; instB: string; locA: string; locB: string; teacherA: string; teacherB: string; progA: string; progB: string; teacher: string;
}): Promise<ExchangeFixture> {
  await placeLocation(h, f.locA, 52.1583, 5.4057);
  await placeLocation(h, f.locB, 52.1531, 5.3739);
  await makeLessons(h, f.nid, f.teacherA, f.locA, ['08:30', '13:00']);
  await makeLessons(h, f.nid, f.teacherB, f.locB, ['10:30', '15:00']);
  const manager = await makePerson(h.deps.db, f.nid, 'network_coordinator', null);
  const actor = managerActor(f.nid, manager.id);
  const register = async (editionId: string) => {
    await makeRegistration(h, f.nid, editionId, { personId: f.teacherA, institutionId: f.instA, side: 'a', programmeId: f.progA, locationId: f.locA });
    await makeRegistration(h, f.nid, editionId, { personId: f.teacherB, institutionId: f.instB, side: 'b', programmeId: f.progB, locationId: f.locB });
  };
  // The runs are made as on the Sunday before last week (visits are planned from tomorrow on);
  // publishing and everything after happen now, when the visits lie in the past.
  h.clock.set(zonedToUtc(dateAddDays(lastWeek().monday, -1), '12:00'));
  const openEdition = await makeEdition(h, f.nid, { a: f.instA, b: f.instB }, 'registration_open');
  await register(openEdition);
  const run = (await startMatchingRun(h.deps, actor, f.nid, openEdition)).id;
  const run2 = (await startMatchingRun(h.deps, actor, f.nid, openEdition)).id;
  const publishedEdition = await makeEdition(h, f.nid, { a: f.instA, b: f.instB }, 'matching');
  await register(publishedEdition);
  const publishedRun = await startMatchingRun(h.deps, actor, f.nid, publishedEdition);
  h.clock.reset();
  if (publishedRun.summary?.visits !== 2) throw new Error(`fixture run planned ${publishedRun.summary?.visits} visits`);
  await publishRun(h.deps, actor, f.nid, publishedEdition, publishedRun.id, { baseUrl: h.baseUrl, locale: 'nl', ip: '127.0.0.1' });
  const [published] = await h.deps.db.select().from(visits).where(eq(visits.editionId, publishedEdition));
  const teacherActor: Actor = { personId: f.teacherB, name: 'Docent', email: 'x@example.nl', locale: 'nl', memberships: [{ networkId: f.nid, institutionId: f.instB, role: 'teacher' }] };
  const { url } = await createCalendarFeed(h.deps, teacherActor, f.nid, { baseUrl: h.baseUrl, locale: 'nl', ip: '127.0.0.1' });
  return { openEdition, run, run2, publishedEdition, publishedVisit: published!.id, feedUrl: url, teacherSource: await makeSource(h, f.nid, f.teacher), managerId: manager.id };
}
