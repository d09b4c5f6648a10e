import { hash } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  networks, institutions, locations, programmes, people, memberships, personProgrammes, timetableBlocks, editions, editionInstitutions, editionInvites, registrations,
  learnerReports,
} from '../schema/index.ts';
import * as offerTables from '../schema/offer.ts';
import * as exchangeTables from '../schema/exchange.ts';
import * as cocreationTables from '../schema/cocreation.ts';
import * as leerlabTables from '../schema/leerlab.ts';
import * as speeddateTables from '../schema/speeddate.ts';
import * as twinningTables from '../schema/twinning.ts';
import * as placementTables from '../schema/placement.ts';
import * as recordTables from '../schema/record.ts';
import * as exampleTables from '../schema/example.ts';
import { zonedDate, zonedToUtc, dateAddDays, dateWeekday } from '../../lib/time.ts';

// A realistic, fictional demo network: two mbo institutions, one hogeschool, two vo schools,
// three companies, 60 teachers with programmes and one school week of lesson timetables
// around the given date. Deterministic for a given date (seeded generator).

export const DEMO_SLUG = 'demo';
export const DEMO_PASSWORD = 'kruispunt-demo';
export const DEMO_DOMAIN = 'demo.kruispunt.nl';
export const DEMO_LOGINS = [
  { email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'network_coordinator' },
  { email: `docent@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'teacher' },
  { email: `schoolcoordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'school_coordinator' },
  { email: `teamleider@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'team_lead' },
  { email: `professional@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'professional' },
] as const;

type Kind = 'vmbo' | 'havo' | 'vwo' | 'mbo' | 'hbo' | 'company' | 'other';
interface DemoInstitution {
  key: string;
  name: string;
  kind: Kind;
  brin?: string;
  locations: { name: string; address: string; postcode: string; city: string; lat: number; lng: number }[];
  programmes: { name: string; isced: string; level: string; code?: string }[];
  teachers: number;
  period: 45 | 50 | 60;
}

const INSTITUTIONS: DemoInstitution[] = [
  {
    key: 'roc', name: 'ROC Eemvallei', kind: 'mbo', brin: '30XE', period: 50, teachers: 16,
    locations: [
      { name: 'Campus De Hoef', address: 'Hogeweg 120', postcode: '3814 CE', city: 'Amersfoort', lat: 52.1583, lng: 5.4057 },
      { name: 'Vakschool Zuid', address: 'Barchman Wuytierslaan 10', postcode: '3818 LH', city: 'Amersfoort', lat: 52.1498, lng: 5.3955 },
    ],
    programmes: [
      { name: 'Software developer', isced: '0613', level: 'mbo-4', code: '25998' },
      { name: 'Verpleegkundige', isced: '0913', level: 'mbo-4', code: '25655' },
      { name: 'Pedagogisch medewerker', isced: '0922', level: 'mbo-3', code: '25484' },
      { name: 'Commercieel medewerker marketing', isced: '0414', level: 'mbo-4' },
      { name: 'Maatschappelijke zorg', isced: '0923', level: 'mbo-4' },
    ],
  },
  {
    key: 'tcv', name: 'Techniek College Vechtstreek', kind: 'mbo', brin: '31TV', period: 50, teachers: 12,
    locations: [{ name: 'Hoofdlocatie', address: 'Kanaalweg 40', postcode: '3526 KL', city: 'Utrecht', lat: 52.0768, lng: 5.0921 }],
    programmes: [
      { name: 'Mechatronica', isced: '0714', level: 'mbo-4' },
      { name: 'Eerste monteur elektrotechniek', isced: '0713', level: 'mbo-3' },
      { name: 'Middenkaderfunctionaris bouw', isced: '0732', level: 'mbo-4' },
      { name: 'Logistiek teamleider', isced: '1041', level: 'mbo-4' },
    ],
  },
  {
    key: 'hs', name: 'Hogeschool Domstad', kind: 'hbo', brin: '22HD', period: 60, teachers: 18,
    locations: [
      { name: 'Campus Heidelberglaan', address: 'Heidelberglaan 15', postcode: '3584 CS', city: 'Utrecht', lat: 52.0857, lng: 5.1767 },
      { name: 'Instituut Amersfoort', address: 'Stationsplein 22', postcode: '3818 LE', city: 'Amersfoort', lat: 52.1531, lng: 5.3739 },
    ],
    programmes: [
      { name: 'HBO-ICT', isced: '0613', level: 'bachelor', code: '30020' },
      { name: 'Verpleegkunde', isced: '0913', level: 'bachelor', code: '34560' },
      { name: 'Pedagogiek', isced: '0922', level: 'bachelor' },
      { name: 'Commerciële economie', isced: '0414', level: 'bachelor' },
      { name: 'Social work', isced: '0923', level: 'bachelor' },
      { name: 'Elektrotechniek', isced: '0713', level: 'bachelor' },
      { name: 'Bouwkunde', isced: '0732', level: 'bachelor' },
      { name: 'Logistiek', isced: '1041', level: 'bachelor' },
    ],
  },
  {
    key: 'lyc', name: 'Vathorst Lyceum', kind: 'havo', brin: '20VL', period: 45, teachers: 7,
    locations: [{ name: 'Vathorst', address: 'Bergenboulevard 3', postcode: '3825 BT', city: 'Amersfoort', lat: 52.1893, lng: 5.4297 }],
    programmes: [
      { name: 'Informatica', isced: '0613', level: 'havo' },
      { name: 'Biologie', isced: '0511', level: 'vwo' },
      { name: 'Economie', isced: '0311', level: 'havo' },
    ],
  },
  {
    key: 'vak', name: 'Vakcollege Eemnes', kind: 'vmbo', brin: '21VE', period: 45, teachers: 7,
    locations: [{ name: 'Eemnes', address: 'Wakkerendijk 2', postcode: '3755 DE', city: 'Eemnes', lat: 52.2523, lng: 5.2567 }],
    programmes: [
      { name: 'Bouwen, wonen en interieur', isced: '0732', level: 'vmbo' },
      { name: 'Zorg en welzijn', isced: '0923', level: 'vmbo' },
      { name: 'Economie en ondernemen', isced: '0414', level: 'vmbo' },
      { name: 'Produceren, installeren en energie', isced: '0713', level: 'vmbo' },
    ],
  },
  {
    key: 'bouw', name: 'Bouwbedrijf Van Dijk & Zonen', kind: 'company', period: 60, teachers: 0,
    locations: [{ name: 'Kantoor', address: 'Nijverheidsweg 8', postcode: '3812 PW', city: 'Amersfoort', lat: 52.1672, lng: 5.3688 }],
    programmes: [],
  },
  {
    key: 'zorg', name: 'Zorggroep De Linde', kind: 'company', period: 60, teachers: 0,
    locations: [{ name: 'Locatie Lindenhof', address: 'Lindenlaan 50', postcode: '3571 BN', city: 'Utrecht', lat: 52.1002, lng: 5.1295 }],
    programmes: [],
  },
  {
    key: 'data', name: 'Datawerk Software B.V.', kind: 'company', period: 60, teachers: 0,
    locations: [{ name: 'Kantoor', address: 'Europalaan 100', postcode: '3526 KS', city: 'Utrecht', lat: 52.0719, lng: 5.1085 }],
    programmes: [],
  },
];

const FIRST = ['Anna', 'Bram', 'Charlotte', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ilse', 'Jeroen', 'Karin', 'Lars', 'Marieke', 'Niels',
  'Olga', 'Pieter', 'Quinten', 'Roos', 'Sander', 'Tessa', 'Ulrike', 'Vincent', 'Willemijn', 'Youssef', 'Zeynep', 'Mohamed', 'Fatima',
  'Sanne', 'Thijs', 'Lotte', 'Ruben', 'Noor', 'Kees', 'Ingrid', 'Bart', 'Esther', 'Hamid', 'Priya', 'Joost', 'Mirjam'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'El Amrani', 'Yilmaz', 'Kaya', 'Verhoeven',
  'van Dam', 'Kramer', 'Postma', 'Koster', 'Prins', 'Hoekstra'];

/** A small seeded generator (mulberry32), so the demo is the same for the same date. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slugify(text: string) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

/** Monday of the coming school week: the demo's exchange week always lies ahead, so a run plans visits still to come. */
export function demoWeekMonday(now: Date): string {
  const today = zonedDate(now);
  return dateAddDays(today, 8 - dateWeekday(today));
}

/** Lesson start times of a day for a period length (with a break after the third and fifth period). */
function lessonGrid(period: number): string[] {
  const starts: string[] = [];
  let minutes = 8 * 60 + 30;
  for (let i = 1; i <= 8; i++) {
    starts.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
    minutes += period + (i === 3 ? 15 : i === 5 ? 30 : 0);
  }
  return starts;
}

export async function demoExists(db: Db): Promise<boolean> {
  const rows = await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, DEMO_SLUG)).limit(1);
  return rows.length > 0;
}

export async function demoRemove(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(networks).where(eq(networks.slug, DEMO_SLUG));
    await tx.delete(people).where(like(sql`lower(${people.email})`, `%${DEMO_DOMAIN}`));
  });
}

export async function demoSeed(db: Db, now: Date): Promise<{ networkId: string; teachers: number; blocks: number; registrations: number }> {
  await demoRemove(db);
  const random = prng(20261123);
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const monday = demoWeekMonday(now);
  return db.transaction(async (tx) => {
    const [network] = await tx.insert(networks).values({ name: 'Leernetwerk Eemland–Utrecht (demo)', slug: DEMO_SLUG, isDemo: true }).returning();
    const networkId = network!.id;
    const person = async (email: string, name: string, withPassword: boolean) => {
      const [row] = await tx.insert(people).values({ email, name, passwordHash: withPassword ? passwordHash : null }).returning({ id: people.id });
      return row!.id;
    };
    const coordinator = await person(`coordinator@${DEMO_DOMAIN}`, 'Marloes Verbeek', true);
    await tx.insert(memberships).values([
      { networkId, personId: coordinator, role: 'network_coordinator' },
      { networkId, personId: coordinator, role: 'admin' },
    ]);

    let teacherCount = 0;
    let blockCount = 0;
    const usedNames = new Set<string>();
    const exchangeTeachers: { personId: string; institutionId: string; kind: Kind; programmeIds: string[]; locationId: string }[] = [];
    const exchangeInstitutions: { institutionId: string; kind: Kind }[] = [];
    const learnerReportAuthors: string[] = [];
    for (const spec of INSTITUTIONS) {
      const [inst] = await tx.insert(institutions).values({ networkId, name: spec.name, kind: spec.kind, brin: spec.brin ?? null }).returning();
      const locs = await tx.insert(locations).values(spec.locations.map((l) => ({
        networkId, institutionId: inst!.id, name: l.name, address: l.address, postcode: l.postcode, city: l.city, latitude: l.lat, longitude: l.lng,
      }))).returning();
      const progs = spec.programmes.length
        ? await tx.insert(programmes).values(spec.programmes.map((p) => ({ networkId, institutionId: inst!.id, name: p.name, iscedCode: p.isced, level: p.level, code: p.code ?? null }))).returning()
        : [];
      const domain = `${spec.key}.${DEMO_DOMAIN}`;

      if (spec.kind === 'company') {
        for (let i = 0; i < 2; i++) {
          const name = uniqueName(random, usedNames);
          const isFixed = spec.key === 'data' && i === 0;
          const id = await person(isFixed ? `professional@${DEMO_DOMAIN}` : `${slugify(name)}@${domain}`, name, isFixed);
          await tx.insert(memberships).values({ networkId, personId: id, institutionId: inst!.id, role: 'professional' });
        }
        continue;
      }
      if (spec.key === 'roc') {
        const sc = await person(`schoolcoordinator@${DEMO_DOMAIN}`, 'Hans Bosman', true);
        const tl = await person(`teamleider@${DEMO_DOMAIN}`, 'Yvonne Kramer', true);
        await tx.insert(memberships).values([
          { networkId, personId: sc, institutionId: inst!.id, role: 'school_coordinator' },
          { networkId, personId: tl, institutionId: inst!.id, role: 'team_lead' },
        ]);
      }
      if (spec.kind === 'mbo' || spec.kind === 'hbo') exchangeInstitutions.push({ institutionId: inst!.id, kind: spec.kind });
      const grid = lessonGrid(spec.period);
      for (let t = 0; t < spec.teachers; t++) {
        const fixed = spec.key === 'roc' && t === 0;
        const name = fixed ? 'Sanne de Jong' : uniqueName(random, usedNames);
        const id = await person(fixed ? `docent@${DEMO_DOMAIN}` : `${slugify(name)}@${domain}`, name, fixed);
        await tx.insert(memberships).values({ networkId, personId: id, institutionId: inst!.id, role: 'teacher' });
        // the demo docent (Software developer) has HBO-ICT colleagues at the hogeschool to be paired with
        const programme = fixed || (spec.key === 'hs' && t < 3) ? progs[0]! : progs[Math.floor(random() * progs.length)]!;
        const extra = random() < 0.2 ? progs[Math.floor(random() * progs.length)] : undefined;
        const programmeIds = [...new Set([programme.id, extra?.id].filter(Boolean) as string[])];
        await tx.insert(personProgrammes).values(programmeIds.map((programmeId) => ({ networkId, personId: id, programmeId })));
        teacherCount++;
        if (spec.key === 'roc' && !fixed) learnerReportAuthors.push(id);
        if (spec.kind === 'mbo' || spec.kind === 'hbo') exchangeTeachers.push({ personId: id, institutionId: inst!.id, kind: spec.kind, programmeIds, locationId: locs[t % locs.length]!.id });
        // One school week: 3–5 lessons on 4 of 5 days (one day off or a study day), a team meeting on Wednesday.
        const dayOff = 1 + Math.floor(random() * 5);
        const blocks: (typeof timetableBlocks.$inferInsert)[] = [];
        for (let day = 0; day < 5; day++) {
          const date = dateAddDays(monday, day);
          if (day + 1 === dayOff) continue;
          const count = 3 + Math.floor(random() * 3);
          const slots = new Set<number>();
          while (slots.size < count) slots.add(Math.floor(random() * grid.length));
          for (const slot of [...slots].sort((a, b) => a - b)) {
            const start = zonedToUtc(date, grid[slot]!);
            const loc = locs[Math.floor(random() * locs.length)]!;
            blocks.push({
              networkId, personId: id, startAt: start, endAt: new Date(start.getTime() + spec.period * 60_000), kind: 'lesson',
              summary: `${programme.name} – groep ${1 + Math.floor(random() * 4)}${'ABC'[Math.floor(random() * 3)]}`,
              locationId: loc.id, locationText: `${loc.name} ${100 + Math.floor(random() * 250)}`, programmeId: programme.id, source: 'demo',
            });
          }
          if (day === 2) {
            const start = zonedToUtc(date, '15:30');
            blocks.push({ networkId, personId: id, startAt: start, endAt: new Date(start.getTime() + 90 * 60_000), kind: 'meeting', summary: 'Teamoverleg', locationId: locs[0]!.id, locationText: locs[0]!.name, source: 'demo' });
          }
        }
        if (blocks.length) await tx.insert(timetableBlocks).values(blocks);
        blockCount += blocks.length;
      }
    }
    // An exchange week in the demo week, registration closed and ready to match: the coordinator
    // can run the matching on real timetables right away. A separate generator keeps the rest stable.
    const pick = prng(4711);
    const [edition] = await tx.insert(editions).values({
      networkId, name: 'Week van de docentuitwisseling (demo)', status: 'matching',
      description: 'Docenten van verwante mbo- en hbo-opleidingen kijken een les bij elkaar mee.',
      windowStart: monday, windowEnd: dateAddDays(monday, 4), announcementDate: dateAddDays(monday, -42), registrationDeadline: dateAddDays(monday, -7),
      creditedHours: '8', publicSlug: `demo-${monday.replace(/-/g, '')}`,
      rules: { avoidFirstLesson: false, avoidLastLesson: false, dayStart: '08:00', dayEnd: '17:30', avoid: [{ weekday: 1, start: '15:00', end: '16:00' }], maxVisitsPerDay: 1, maxGuestsPerHostPerDay: 1, hostCapacity: 2 },
    }).returning();
    await tx.insert(editionInstitutions).values(exchangeInstitutions.map((i) => ({ networkId, editionId: edition!.id, institutionId: i.institutionId, side: i.kind === 'mbo' ? 'a' : 'b' })));
    await tx.insert(editionInvites).values(exchangeTeachers.map((t) => ({ networkId, editionId: edition!.id, personId: t.personId, invitedAt: zonedToUtc(dateAddDays(monday, -42), '09:00') })));
    const wishes = ['transition', 'teaching_methods', 'curriculum', 'pedagogy', 'assessment', 'work_field', 'digital', 'student_guidance'];
    // As teachers in the region answer: most travel by train or car between Amersfoort and
    // Utrecht and accept up to an hour and a half for a visit; a few cycle, within their city.
    const travel = (): { travelMode: string; maxTravelMinutes: number } => {
      const r = pick();
      if (r < 0.5) return { travelMode: 'transit', maxTravelMinutes: 90 };
      if (r < 0.85) return { travelMode: 'car', maxTravelMinutes: pick() < 0.5 ? 75 : 90 };
      return { travelMode: 'bike', maxTravelMinutes: 45 };
    };
    // the hogeschool has fewer teachers in these programmes, and more of them sign up
    const registering = exchangeTeachers.filter((t, i) => i === 0 || pick() < (t.kind === 'hbo' ? 0.95 : 0.75));
    await tx.insert(registrations).values(registering.map((t, i) => ({
      networkId, editionId: edition!.id, personId: t.personId, institutionId: t.institutionId, side: t.kind === 'mbo' ? 'a' : 'b', programmeIds: t.programmeIds,
      wishes: wishes.filter(() => pick() < 0.3), ...(i === 0 ? { travelMode: 'transit', maxTravelMinutes: 90 } : travel()),
      baseLocationId: t.locationId, createdAt: zonedToUtc(dateAddDays(monday, -20), '10:00'),
    })));
    await seedLearnerReports(tx, networkId, learnerReportAuthors, monday);
    await seedExchangeFinished(tx, networkId, coordinator, now);
    await seedOffers(tx, networkId, now);
    await seedCocreation(tx, networkId, coordinator, now);
    await seedLeerlab(tx, networkId, coordinator, now);
    await seedLeerlabFinished(tx, networkId, coordinator, now);
    await seedSpeeddate(tx, networkId, coordinator, now);
    await seedTwinning(tx, networkId, coordinator, now);
    await seedPlacement(tx, networkId, coordinator);
    await seedExamples(tx, networkId, coordinator, now);
    await seedRecord(tx, networkId, now);
    await seedEvaluations(tx, networkId, now);
    return { networkId, teachers: teacherCount, blocks: blockCount, registrations: registering.length };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Completed learner reports of ROC Eemvallei teachers (not the demo docent, whose reports page
// starts empty), so the team lead's insight shows what it does: counts per type, never text.
const DEMO_ACTIVITIES: { title: string; type: string; outcome: string }[] = [
  { title: 'Intervisie met collega’s over lastige klassensituaties', type: 'INTERACTION_COLLABORATION', outcome: 'Ik stel eerst vragen voordat ik ingrijp.' },
  { title: 'Stagebezoek bij een zorginstelling', type: 'TEACHING_COACHING', outcome: 'Ik weet beter wat studenten op de werkvloer tegenkomen.' },
  { title: 'Webinar over formatief evalueren', type: 'PD_PROGRAMME', outcome: 'Ik gebruik exit tickets aan het eind van de les.' },
  { title: 'Nieuwe opdracht met een echte opdrachtgever uitgeprobeerd', type: 'EXPERIMENTING_INNOVATING', outcome: 'Studenten werken gerichter als de klant meekijkt.' },
  { title: 'Artikel gelezen over feedback geven', type: 'INFORMATION_SOURCES', outcome: 'Feedback werkt beter als die op de taak gericht is.' },
  { title: 'Examencommissie: toetsen van het nieuwe cohort vastgesteld', type: 'TASKS_ROLES', outcome: 'Ik kijk nu anders naar beoordelingscriteria.' },
  { title: 'Mijn lessenserie geëvalueerd met de studenten', type: 'REFLECTING_EVALUATING', outcome: 'De opbouw van de serie moet trager in het begin.' },
  { title: 'Professionele leergemeenschap over taalgericht vakonderwijs', type: 'FORMAL_COLLABORATION', outcome: 'Ik schrijf kernbegrippen nu op het bord.' },
  { title: 'Module van de masteropleiding Leren en Innoveren', type: 'DEGREE_COURSE', outcome: 'Ik kan mijn onderwijs met onderzoek onderbouwen.' },
  { title: 'Onderwijscongres in Utrecht bezocht', type: 'CONFERENCE', outcome: 'Ik heb ideeën opgedaan voor hybride leeromgevingen.' },
  { title: 'Coachingstraject met een vaste coach als startende docent', type: 'STRUCTURAL_COACHING', outcome: 'Ik plan mijn lessen met duidelijkere doelen.' },
];

async function seedLearnerReports(tx: Tx, networkId: string, authors: string[], monday: string): Promise<void> {
  const rows = authors.slice(0, 7).map((personId, i) => {
    const periodEnd = dateAddDays(monday, -14 - 7 * (i % 3));
    const activities = [0, 1, 2].map((k) => DEMO_ACTIVITIES[(i * 3 + k) % DEMO_ACTIVITIES.length]!).map((a, k) => ({
      id: `00000000-0000-4000-8000-${String(i * 10 + k).padStart(12, '0')}`,
      title: a.title,
      description: { goal: '', involved: '', role: '', setting: '' },
      learningOutcomes: a.outcome,
      impact: '',
      explanation: '',
      type: a.type,
      typeSource: 'chosen',
      suggestion: null,
      origin: null,
    }));
    return {
      networkId, personId, periodStart: dateAddDays(periodEnd, -48), periodEnd, status: 'completed',
      content: { inventory: activities.map((a) => a.title), activities }, completedAt: zonedToUtc(periodEnd, '16:00'),
    };
  });
  if (rows.length) await tx.insert(learnerReports).values(rows);
}

// A finished exchange week half a year ago: eight mbo–hbo pairs (not the demo docent) who visited
// each other's lessons both ways — one visit was missed — one teacher left without a related
// partner, and the evaluation most of them filled in. It is closed, so it can become a practice
// example with its facts.
async function seedExchangeFinished(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const { matchingRuns, exchangePairs, visits, evaluations } = exchangeTables;
  const monday = dateAddDays(demoWeekMonday(now), -26 * 7);
  const teachers = await tx.select({ personId: memberships.personId, institutionId: memberships.institutionId, institution: institutions.name, email: people.email })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).innerJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(sql`${memberships.networkId} = ${networkId} and ${memberships.role} = 'teacher' and ${people.email} <> ${`docent@${DEMO_DOMAIN}`}`);
  const at = (name: string, count: number) => teachers.filter((t) => t.institution === name).sort((a, b) => a.email.localeCompare(b.email)).slice(0, count);
  // The hogeschool's HBO-ICT teachers take part for the first time in the coming week (with the demo docent).
  const progs = await tx.select().from(personProgrammes).where(eq(personProgrammes.networkId, networkId));
  const ict = new Set((await tx.select({ id: programmes.id }).from(programmes).where(sql`${programmes.networkId} = ${networkId} and ${programmes.name} = 'HBO-ICT'`)).map((p) => p.id));
  const mbo = [...at('ROC Eemvallei', 5), ...at('Techniek College Vechtstreek', 4)];
  const hbo = at('Hogeschool Domstad', 18).filter((t) => !progs.some((p) => p.personId === t.personId && ict.has(p.programmeId))).slice(0, 8);
  const pairCount = Math.min(mbo.length - 1, hbo.length);
  if (pairCount <= 0) return;
  const locs = await tx.select().from(locations).where(eq(locations.networkId, networkId));
  const locOf = (institutionId: string | null) => locs.find((l) => l.institutionId === institutionId)?.id ?? null;
  const programmeIdsOf = (personId: string) => progs.filter((p) => p.personId === personId).map((p) => p.programmeId);
  const [edition] = await tx.insert(editions).values({
    networkId, name: 'Uitwisselingsweek mbo–hbo, vorige ronde (demo)', status: 'closed',
    description: 'Docenten van verwante mbo- en hbo-opleidingen keken een les bij elkaar mee en bespraken het bezoek na.',
    windowStart: monday, windowEnd: dateAddDays(monday, 4), announcementDate: dateAddDays(monday, -42), registrationDeadline: dateAddDays(monday, -7),
    creditedHours: '8', publicSlug: `demo-vorige-${monday.replace(/-/g, '')}`,
    rules: { avoidFirstLesson: false, avoidLastLesson: false, dayStart: '08:00', dayEnd: '17:30', avoid: [], maxVisitsPerDay: 1, maxGuestsPerHostPerDay: 1, hostCapacity: 2 },
    createdAt: zonedToUtc(dateAddDays(monday, -60), '10:00'), updatedAt: zonedToUtc(dateAddDays(monday, 21), '10:00'),
  }).returning();
  const editionId = edition!.id;
  const insts = [...new Map([...mbo, ...hbo].map((t) => [t.institutionId!, t])).values()];
  await tx.insert(editionInstitutions).values(insts.map((t) => ({ networkId, editionId, institutionId: t.institutionId!, side: t.institution === 'Hogeschool Domstad' ? 'b' : 'a' })));
  const registering = [...mbo.slice(0, pairCount + 1), ...hbo.slice(0, pairCount)];
  await tx.insert(editionInvites).values(registering.map((t) => ({ networkId, editionId, personId: t.personId, invitedAt: zonedToUtc(dateAddDays(monday, -42), '09:00') })));
  const unmatched = mbo[pairCount]!;
  await tx.insert(registrations).values(registering.map((t, i) => ({
    networkId, editionId, personId: t.personId, institutionId: t.institutionId!, side: t.institution === 'Hogeschool Domstad' ? 'b' : 'a', programmeIds: programmeIdsOf(t.personId),
    wishes: [['teaching_methods'], ['transition', 'curriculum'], ['assessment'], ['work_field']][i % 4]!, travelMode: i % 3 === 0 ? 'car' : 'transit', maxTravelMinutes: 90,
    baseLocationId: locOf(t.institutionId), waitlist: t.personId === unmatched.personId, createdAt: zonedToUtc(dateAddDays(monday, -20 + (i % 10)), '10:00'),
  })));
  const visitCount = pairCount * 2;
  const [run] = await tx.insert(matchingRuns).values({
    networkId, editionId, number: 1, status: 'done', progress: 100, phase: 'DONE', createdBy: coordinator,
    summary: { registered: registering.length, pairs: pairCount, matchedPercent: Math.round((pairCount * 2 / registering.length) * 1000) / 10, visits: visitCount, unmatchedByReason: { NO_RELATED_PARTNER: 1 }, objective: pairCount * 70, dualBound: pairCount * 70, optimal: true, violations: 0, ms: 840 },
    createdAt: zonedToUtc(dateAddDays(monday, -6), '09:00'), finishedAt: zonedToUtc(dateAddDays(monday, -6), '09:01'),
  }).returning();
  const pairs = await tx.insert(exchangePairs).values(Array.from({ length: pairCount }, (_, i) => ({
    networkId, editionId, runId: run!.id, aPersonId: mbo[i]!.personId, bPersonId: hbo[i]!.personId, score: 60 + ((i * 7) % 30), reasons: [],
  }))).returning();
  // Each pair: the mbo teacher visits on day i % 5, the hbo teacher two days later (both ways);
  // the last hbo visit was missed (ill that day).
  const visitRows = pairs.flatMap((p, i) => [0, 1].map((way) => {
    const date = dateAddDays(monday, (i + way * 2) % 5);
    const start = zonedToUtc(date, way === 0 ? '10:20' : '13:15');
    const end = new Date(start.getTime() + 50 * 60_000);
    const observer = way === 0 ? p.aPersonId : p.bPersonId;
    const host = way === 0 ? p.bPersonId : p.aPersonId;
    const hostInst = [...mbo, ...hbo].find((t) => t.personId === host)!.institutionId;
    const missed = i === pairs.length - 1 && way === 1;
    return {
      networkId, editionId, pairId: p.id, observerId: observer, hostId: host, lessonStart: start, lessonEnd: end,
      leaveAt: new Date(start.getTime() - 40 * 60_000), returnBy: new Date(end.getTime() + 40 * 60_000), locationId: locOf(hostInst), travelMinutes: 35,
      status: missed ? 'missed' as const : 'done' as const, uid: `demo-vorige-${monday}-${i}-${way}@kruispunt`,
      checkedInAt: missed ? null : new Date(start.getTime() - 5 * 60_000), checkedInBy: missed ? null : observer, updatedAt: end,
    };
  }));
  await tx.insert(visits).values(visitRows);
  // The evaluation: thirteen of the sixteen who were paired answered.
  const answered = [...mbo.slice(0, pairCount), ...hbo.slice(0, pairCount)].slice(0, 13);
  const best = ['Het nagesprek direct na de les.', 'Zien hoe eerstejaars hbo-studenten plannen.', 'De praktijkopdrachten op het mbo.', 'Een collega uit een ander team leren kennen.', ''];
  const improve = ['Meer tijd voor het nagesprek.', 'Eerder weten welke les ik zou bezoeken.', '', 'Reistijd tussen Amersfoort en Utrecht was krap.'];
  await tx.insert(evaluations).values(answered.map((t, i) => ({
    networkId, editionId, personId: t.personId, overall: [5, 4, 4, 5, 3, 4, 5, 4, 4, 5, 4, 3, 5][i]!, partnerFit: [4, 4, 5, 3, 3, 4, 5, 4, 4, 5, 3, 4, 4][i]!,
    organisation: [4, 3, 4, 4, 3, 5, 4, 4, 3, 4, 4, 3, 5][i]!, wouldRecommend: i !== 4 && i !== 11, bestPart: best[i % best.length]!, improve: improve[i % improve.length]!,
    createdAt: zonedToUtc(dateAddDays(monday, 7 + (i % 5)), '16:00'),
  })));
}

function uniqueName(random: () => number, used: Set<string>): string {
  for (;;) {
    const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

// Leren buiten de school: the companies' profiles and offers of every kind, some full with a
// waitlist, an offer on request with a pending request, and a company visit in each phase of the
// sandwich (before: next weeks; during: now; after: last week, with takeaways and feedback).
async function seedOffers(tx: Tx, networkId: string, now: Date): Promise<void> {
  const { offerCompanies, offers, offerSessions, offerRegistrations, offerRequests, offerTeams, offerTeamMembers, offerTeamMeetings, offerTeamProducts } = offerTables;
  const insts = await tx.select().from(institutions).where(eq(institutions.networkId, networkId));
  const locs = await tx.select().from(locations).where(eq(locations.networkId, networkId));
  const members = await tx.select({ personId: memberships.personId, institutionId: memberships.institutionId, role: memberships.role, email: people.email })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).where(eq(memberships.networkId, networkId));
  const byName = (name: string) => insts.find((i) => i.name === name)!;
  const locOf = (id: string) => locs.find((l) => l.institutionId === id)?.id ?? null;
  const proOf = (id: string) => members.find((m) => m.institutionId === id && m.role === 'professional')?.personId ?? null;
  const roc = byName('ROC Eemvallei');
  const docent = members.find((m) => m.email === `docent@${DEMO_DOMAIN}`)!;
  const teachers = [docent, ...members.filter((m) => m.role === 'teacher' && m.personId !== docent.personId).sort((a, b) => a.email.localeCompare(b.email))];
  const profiles: Record<string, { sector: string; iscedCodes: string[]; profile: string; takesPupils: boolean; committedOn: string }> = {
    'Bouwbedrijf Van Dijk & Zonen': { sector: 'Bouw en infra', iscedCodes: ['0732'], profile: 'Familiebedrijf in utiliteitsbouw en renovatie; werkt circulair en met BIM.', takesPupils: true, committedOn: '2025-09-15' },
    'Zorggroep De Linde': { sector: 'Zorg en welzijn', iscedCodes: ['0913', '0923'], profile: 'Ouderenzorg op vier locaties; zet domotica en zorgtechnologie in.', takesPupils: true, committedOn: '2025-10-01' },
    'Datawerk Software B.V.': { sector: 'ICT', iscedCodes: ['0613'], profile: 'Bouwt maatwerksoftware voor gemeenten en zorginstellingen in scrumteams.', takesPupils: false, committedOn: '2026-01-20' },
  };
  for (const [name, profile] of Object.entries(profiles)) {
    const inst = byName(name);
    const pro = proOf(inst.id);
    await tx.insert(offerCompanies).values({ networkId, institutionId: inst.id, ...profile, contactPersonIds: pro ? [pro] : [] });
  }
  const hour = 3_600_000;
  const day = 24 * hour;
  const at = (days: number, h: number) => { const d = new Date(now.getTime() + days * day); d.setUTCHours(h, 0, 0, 0); return d; };
  let uid = 0;
  const seedOffer = async (spec: {
    host: string; kind: string; title: string; description: string; iscedCodes: string[]; capacity: number; hours: number; preparation: string;
    start?: Date; end?: Date; onRequest?: boolean; internshipForm?: string; confirmed?: number; waitlisted?: number; from?: number;
    plan?: { agenda?: string; tasks?: string; takeaways?: string; feedback?: string }; questions?: string[]; notes?: string;
  }) => {
    const host = byName(spec.host);
    const [offer] = await tx.insert(offers).values({
      networkId, hostInstitutionId: host.id, kind: spec.kind, title: spec.title, description: spec.description, iscedCodes: spec.iscedCodes,
      locationId: locOf(host.id), onRequest: spec.onRequest ?? false, capacity: spec.capacity, deadline: spec.start ? zonedDate(new Date(spec.start.getTime() - 2 * day)) : null,
      creditedHours: String(spec.hours), hostContactId: proOf(host.id), preparation: spec.preparation, internshipForm: spec.internshipForm ?? null,
    }).returning();
    if (!spec.start || !spec.end) return offer!;
    const [session] = await tx.insert(offerSessions).values({ networkId, offerId: offer!.id, startAt: spec.start, endAt: spec.end, ...spec.plan }).returning();
    const people_ = teachers.slice(spec.from ?? 0, (spec.from ?? 0) + (spec.confirmed ?? 0) + (spec.waitlisted ?? 0));
    for (const [i, t] of people_.entries()) {
      await tx.insert(offerRegistrations).values({
        networkId, offerId: offer!.id, sessionId: session!.id, personId: t.personId, institutionId: t.institutionId,
        status: i < (spec.confirmed ?? 0) ? 'confirmed' : 'waitlisted', queuedAt: new Date(now.getTime() - 10 * day + i * hour),
        uid: `demo-offer-${++uid}@kruispunt`, learningQuestions: spec.questions?.[i] ?? '', notes: i === 0 ? spec.notes ?? '' : '',
      });
    }
    return offer!;
  };
  // Before: a full masterclass with a waitlist (the demo docent is first in line).
  await seedOffer({
    host: 'Datawerk Software B.V.', kind: 'masterclass', title: 'Masterclass testautomatisering in de praktijk', description: 'Een middag meewerken met een scrumteam: van user story tot geautomatiseerde test.',
    iscedCodes: ['0613'], capacity: 3, hours: 4, preparation: 'Neem een opdracht uit je eigen lessen mee die je wilt laten testen.',
    start: at(12, 12), end: at(12, 16), confirmed: 3, waitlisted: 2, from: 1,
    questions: ['Hoe leer ik studenten testen vóór ze bouwen?', 'Welke tools gebruiken jullie in de pipeline?', ''],
    plan: { agenda: '13:00 welkom en rondleiding\n13:30 meewerken in het team\n15:30 nabespreking', tasks: 'Datawerk: begeleider per tafel. School: leervragen vooraf, foto\'s voor de collega\'s.' },
  }).then(async (offer) => {
    // the demo docent waits in first position
    const [session] = await tx.select().from(offerSessions).where(eq(offerSessions.offerId, offer.id));
    await tx.insert(offerRegistrations).values({ networkId, offerId: offer.id, sessionId: session!.id, personId: docent.personId, institutionId: docent.institutionId, status: 'waitlisted', queuedAt: new Date(now.getTime() - 11 * day), uid: `demo-offer-${++uid}@kruispunt` });
  });
  // During: a company visit going on right now.
  await seedOffer({
    host: 'Bouwbedrijf Van Dijk & Zonen', kind: 'company_visit', title: 'Bedrijfsbezoek: circulair bouwen op de bouwplaats', description: 'Rondgang over de bouwplaats van een circulair schoolgebouw, met de uitvoerder.',
    iscedCodes: ['0732'], capacity: 8, hours: 3, preparation: 'Veiligheidsschoenen aan; helm en hesje liggen klaar.',
    start: new Date(now.getTime() - hour), end: new Date(now.getTime() + 2 * hour), confirmed: 4, from: 0,
    questions: ['Hoe ziet een materialenpaspoort eruit?', 'Wat vraagt circulair bouwen van een timmerman?', 'Welke stageplekken zijn er?', ''],
    notes: 'Uitvoerder: 80 % van de gevel is hergebruikt hout.',
    plan: { agenda: 'Rondgang, lunch in de keet, vragen aan de uitvoerder', tasks: 'Docent 1 notuleert, docent 2 fotografeert' },
  });
  // After: last week's company visit, with what the group takes back and its feedback.
  await seedOffer({
    host: 'Zorggroep De Linde', kind: 'company_visit', title: 'Bedrijfsbezoek: zorgtechnologie in de ouderenzorg', description: 'Kennismaken met domotica, sensoren en de zorgrobot op Locatie Lindenhof.',
    iscedCodes: ['0913'], capacity: 6, hours: 3, preparation: 'Lees vooraf de visie op zorgtechnologie van De Linde (link in de uitnodiging).',
    start: at(-7, 9), end: at(-7, 12), confirmed: 3, from: 0,
    questions: ['Welke technologie moeten onze studenten kunnen bedienen?', 'Hoe reageren bewoners op sensoren?', ''],
    plan: {
      agenda: 'Presentatie, rondleiding, gesprek met een zorgtechnoloog', tasks: 'School: vragen en terugkoppeling; De Linde: rondleiding en sprekers',
      takeaways: 'Een les over sensoren en privacy in leerjaar 2; gastles van de zorgtechnoloog in het voorjaar.', feedback: 'Heel waardevol. Volgende keer graag ook even met een bewoner praten.',
    },
  });
  // A guest lesson at school, with places left.
  await seedOffer({
    host: 'Bouwbedrijf Van Dijk & Zonen', kind: 'guest_lesson', title: 'Gastles: van bestek tot oplevering', description: 'Een projectleider vertelt in je klas hoe een bouwproject loopt.',
    iscedCodes: ['0732'], capacity: 4, hours: 1.5, preparation: 'Laat studenten vooraf een vraag per persoon bedenken.',
    start: at(20, 9), end: at(20, 11), confirmed: 1, from: 6,
  });
  // A teacher internship on request, with one pending request.
  const internship = await seedOffer({
    host: 'Zorggroep De Linde', kind: 'teacher_internship', title: 'Docentstage op een verpleegafdeling', description: 'Eén tot vijf dagdelen meelopen met een zorgteam.',
    iscedCodes: ['0913'], capacity: 2, hours: 8, preparation: 'VOG en een kort leerplan: wat wil je zien en leren?', onRequest: true, internshipForm: 'exploratory',
  });
  await tx.insert(offerRequests).values({ networkId, offerId: internship.id, personId: teachers[7]!.personId, message: 'Graag twee ochtenden in de week na de herfstvakantie.', preferredDates: [zonedDate(at(30, 9))] });
  // A school visit hosted by the ROC, full with a waitlist.
  await seedOffer({
    host: roc.name, kind: 'school_visit', title: 'Schoolbezoek: ons nieuwe techniekpracticum', description: 'Collegiale visitatie: kijk mee in het praktijklokaal en praat met de docenten.',
    iscedCodes: ['0713'], capacity: 2, hours: 2, preparation: 'Kies vooraf een vraag over praktijkonderwijs die je wilt bespreken.',
    start: at(16, 13), end: at(16, 15), confirmed: 2, waitlisted: 1, from: 10,
  });
  // A teacher design team across schools, with a company professional: one meeting held, one planned.
  const hs = byName('Hogeschool Domstad');
  const hsTeacher = members.find((m) => m.role === 'teacher' && m.institutionId === hs.id);
  const dataPro = proOf(byName('Datawerk Software B.V.').id);
  const [team] = await tx.insert(offerTeams).values({ networkId, name: 'DOT Programmeren met echte opdrachtgevers', goal: 'Een lessenserie waarin mbo- en hbo-studenten samen voor een echte klant bouwen.', createdBy: docent.personId }).returning();
  await tx.insert(offerTeamMembers).values([
    { networkId, teamId: team!.id, personId: docent.personId, institutionId: docent.institutionId },
    ...(hsTeacher ? [{ networkId, teamId: team!.id, personId: hsTeacher.personId, institutionId: hsTeacher.institutionId }] : []),
    ...(dataPro ? [{ networkId, teamId: team!.id, personId: dataPro, institutionId: byName('Datawerk Software B.V.').id }] : []),
  ]);
  await tx.insert(offerTeamMeetings).values([
    { networkId, teamId: team!.id, startAt: at(-10, 14), endAt: at(-10, 16), locationId: locOf(roc.id), log: 'Leerdoelen vastgesteld; Datawerk levert een echte opdracht aan.' },
    { networkId, teamId: team!.id, startAt: at(9, 14), endAt: at(9, 16), locationId: locOf(hs.id) },
  ]);
  await tx.insert(offerTeamProducts).values({ networkId, teamId: team!.id, title: 'Opzet lessenserie (concept)', url: 'https://example.nl/dot-lessenserie', createdBy: docent.personId });
}

/**
 * Gezamenlijk beroepsbeeld: a session waiting for participants (join at /meedoen with code DEMO01,
 * a code the generator never makes) and an earlier session, three months ago, that ran all five
 * steps: ten teachers of the mbo schools and the hogeschool and two professionals of companies
 * wrote and marked statements, attached them to the domains, wrote a proposal per subgroup, voted
 * with dots, consented or objected, and made follow-up agreements. Its outcome is version 1 of the
 * profile, so a facilitator can run a session and see version 2 with what changed.
 */
async function seedCocreation(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const t = cocreationTables;
  const framework = [
    { key: 'providing-education', label: 'Verzorgen van onderwijs aan studenten', description: 'Ontwerpen, uitvoeren en begeleiden: onderwijs dat past bij studenten en hun toekomstige beroep.' },
    { key: 'renewing-education', label: 'Vernieuwen van beroepsonderwijs', description: 'Het onderwijs bij de tijd houden met het beroep en de arbeidsmarkt.' },
    { key: 'organising-education', label: 'Organiseren van onderwijs', description: 'Planning, examinering en de kwaliteit van de opleiding, in het team.' },
    { key: 'learning-together', label: 'Leren met en van collega’s', description: 'Professionele ontwikkeling met collega’s in team, instelling en werkveld.' },
  ];
  const [P, R, O, L] = framework.map((d) => d.key) as [string, string, string, string];
  const profileName = 'startende mbo-docent na twee jaar';
  const stepMinutes = [15, 15, 25, 20, 10];
  const title = 'Beroepsbeeld — eerste ronde (demo)';
  const day = dateAddDays(zonedDate(now), -90);
  const at = (hhmm: string, plusSeconds = 0) => new Date(zonedToUtc(day, hhmm).getTime() + plusSeconds * 1000);
  const [facilitator] = await tx.select({ name: people.name }).from(people).where(eq(people.id, coordinator));
  const decidedBy = facilitator?.name ?? null;

  // Who came: teachers of both mbo schools and the hogeschool (not the demo docent) and a
  // professional of the care and the building company, each joined as themselves.
  const members = await tx.select({ personId: memberships.personId, role: memberships.role, institutionId: memberships.institutionId, institution: institutions.name, name: people.name, email: people.email })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(eq(memberships.networkId, networkId));
  const of = (role: string, institution: string, count: number) => members
    .filter((m) => m.role === role && m.institution === institution && m.email !== `docent@${DEMO_DOMAIN}`)
    .sort((a, b) => a.email.localeCompare(b.email)).slice(0, count);
  const joined = [
    ...of('teacher', 'ROC Eemvallei', 3), ...of('teacher', 'Techniek College Vechtstreek', 2), ...of('teacher', 'Hogeschool Domstad', 3),
    ...of('professional', 'Zorggroep De Linde', 1), ...of('professional', 'Bouwbedrijf Van Dijk & Zonen', 1),
  ];

  const [earlier] = await tx.insert(t.cocreationSessions).values({
    networkId, title, profileName, framework, stepMinutes, dotBudget: 3, step: 0,
    code: 'DEMO00', codeExpiresAt: new Date(at('13:00').getTime() + 14 * 86_400_000), createdBy: coordinator, createdAt: at('13:00'), stepStartedAt: at('13:00'),
  }).returning({ id: t.cocreationSessions.id });
  const sessionId = earlier!.id;
  const participants = joined.length === 0 ? [] : await tx.insert(t.cocreationParticipants).values(joined.map((m, i) => ({
    networkId, sessionId, tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'), displayName: m.name, personId: m.personId,
    institutionId: m.institutionId, createdAt: at('13:15', i * 40), rateWindowStart: at('14:50'),
  }))).returning({ id: t.cocreationParticipants.id, institutionId: t.cocreationParticipants.institutionId });
  const n = participants.length;
  let changes = 0;

  // Step 1 (13:30): statements, each marked by the group: a = agree, d = disagree, u = not sure,
  // - = no mark (participant by position). Step 2 (13:45): attached to the domains they touch.
  const statements: { domain: string; text: string; by: number; marks: string; attach: Record<string, string> }[] = [
    { domain: P, text: 'Een startende docent kan een les ontwerpen vanuit een echte beroepssituatie.', by: 0, marks: 'aaaaaaaaau', attach: { [P]: '0123' } },
    { domain: P, text: 'Een startende docent weet hoe studenten op de stageplek leren.', by: 8, marks: 'aaaaaaauua', attach: { [P]: '0189' } },
    { domain: P, text: 'Differentiëren in de klas mag je van een starter nog niet verwachten.', by: 3, marks: 'dddaudduda', attach: { [P]: '345' } },
    { domain: R, text: 'Een startende docent hoeft nog geen onderwijs te vernieuwen.', by: 5, marks: 'adaduadd-a', attach: { [R]: '2567', [L]: '46' } },
    { domain: R, text: 'Een startende docent haalt actuele voorbeelden uit het bedrijfsleven de klas in.', by: 9, marks: 'aaaaaaaaaa', attach: { [R]: '0189' } },
    { domain: R, text: 'Vernieuwen doe je samen met collega’s en bedrijven, niet alleen.', by: 6, marks: 'aaaaauaaaa', attach: { [R]: '67', [L]: '2' } },
    { domain: O, text: 'Een startende docent kent de examenregeling van de eigen opleiding.', by: 4, marks: 'aaaaaaaaa-', attach: { [O]: '014' } },
    { domain: O, text: 'Een startende docent kan zelf een examen construeren.', by: 1, marks: 'ddddudddud', attach: { [O]: '13' } },
    { domain: O, text: 'Roosters zijn een zaak van het team, niet van de starter.', by: 2, marks: '---a-u----', attach: {} },
    { domain: L, text: 'Een startende docent vraagt feedback van collega’s en studenten.', by: 7, marks: 'aaaaaaaaaa', attach: { [L]: '57' } },
    { domain: L, text: 'Intervisie hoort in het eerste jaar vast op het rooster.', by: 0, marks: 'aaauaaaaau', attach: { [L]: '035' } },
    { domain: L, text: 'Een startende docent loopt elk jaar een paar dagen mee in een bedrijf.', by: 8, marks: 'auadaauaua', attach: { [L]: '89', [R]: '289' } },
  ].filter((s) => s.by < n);
  const marks: Record<string, number>[] = [];
  const attached: Record<string, number>[] = [];
  for (const [i, s] of statements.entries()) {
    const [row] = await tx.insert(t.cocreationStatements).values({ networkId, sessionId, participantId: participants[s.by]!.id, domainKey: s.domain, text: s.text, createdAt: at('13:31', i * 55) }).returning({ id: t.cocreationStatements.id });
    const markRows = [...s.marks].slice(0, n).map((c, p) => ({ c, p })).filter(({ c }) => c !== '-')
      .map(({ c, p }) => ({ networkId, statementId: row!.id, participantId: participants[p]!.id, mark: c === 'a' ? 'agree' : c === 'd' ? 'disagree' : 'unsure' }));
    if (markRows.length) await tx.insert(t.cocreationMarks).values(markRows);
    const attachRows = Object.entries(s.attach).flatMap(([domainKey, who]) => [...who].map(Number).filter((p) => p < n).map((p) => ({ networkId, statementId: row!.id, participantId: participants[p]!.id, domainKey })));
    if (attachRows.length) await tx.insert(t.cocreationAttachments).values(attachRows);
    marks.push({ agree: markRows.filter((m) => m.mark === 'agree').length, disagree: markRows.filter((m) => m.mark === 'disagree').length, unsure: markRows.filter((m) => m.mark === 'unsure').length });
    attached.push(Object.fromEntries(Object.keys(s.attach).map((k) => [k, attachRows.filter((a) => a.domainKey === k).length])));
    changes += 1 + markRows.length + attachRows.length;
  }

  // Step 3 (14:00): subgroups balanced across institutions (as the product deals them: largest
  // institution first, one person at a time round the groups), a proposal per (subgroup, domain)
  // pair, written together: every edit is a splice on the text as the server applied it.
  const groupCount = Math.max(1, Math.min(framework.length, Math.ceil(n / 4)));
  const byInstitution = new Map<string, number[]>();
  participants.forEach((p, i) => byInstitution.set(p.institutionId ?? '', [...(byInstitution.get(p.institutionId ?? '') ?? []), i]));
  const order = [...byInstitution.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).flatMap(([, ids]) => ids);
  const groupOf = new Map(order.map((p, i) => [p, i % groupCount]));
  const groups = await tx.insert(t.cocreationSubgroups).values(Array.from({ length: groupCount }, (_, position) => ({ networkId, sessionId, position, name: String.fromCharCode(65 + position) })))
    .returning({ id: t.cocreationSubgroups.id, position: t.cocreationSubgroups.position });
  groups.sort((a, b) => a.position - b.position);
  for (const [p, g] of groupOf) await tx.update(t.cocreationParticipants).set({ subgroupId: groups[g]!.id }).where(eq(t.cocreationParticipants.id, participants[p]!.id));
  const membersOf = (g: number) => order.filter((p) => groupOf.get(p) === g);
  const splice = (before: string, after: string) => {
    let start = 0;
    while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
    let end = 0;
    while (end < Math.min(before.length, after.length) - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    return { pos: start, del: before.length - start - end, ins: after.slice(start, after.length - end) };
  };
  // Step 4 (14:25): dots (budget 3 each, per participant by position: the four proposals in turn),
  // consent or an objection with its reason, and the facilitator's decision.
  const dots = ['2001', '1101', '0210', '3000', '1002', '0111', '2010', '1101', '0003', '1200'];
  const proposals: { domain: string; drafts: string[]; objections: Record<number, string>; silent: number[]; decision: 'accepted' | 'amended'; amended?: string }[] = [
    { domain: P, drafts: ['De startende docent ontwerpt lessen die aansluiten bij de beroepspraktijk.', 'De startende docent ontwerpt lessen die aansluiten bij de beroepspraktijk en begeleidt studenten ook op de stageplek.'], objections: {}, silent: [], decision: 'accepted' },
    { domain: R, drafts: ['De startende docent vernieuwt elk jaar zelfstandig een onderwijseenheid.', 'De startende docent vernieuwt elk jaar samen met het werkveld een onderwijseenheid.'],
      objections: { 3: 'Elk jaar een eenheid vernieuwen is te veel naast het inwerken.', 5: 'Een starter moet eerst de bestaande lessen goed leren kennen.' }, silent: [], decision: 'amended',
      amended: 'De startende docent vernieuwt samen met het werkveld ten minste één onderwijseenheid.' },
    { domain: O, drafts: ['De startende docent kent de examenprocedures.', 'De startende docent kent de examenprocedures en voert ze zorgvuldig uit.'], objections: {}, silent: [6], decision: 'accepted' },
    { domain: L, drafts: ['De startende docent leert met collega’s in intervisie.', 'De startende docent leert met collega’s in intervisie en loopt jaarlijks mee in een bedrijf.'],
      objections: { 9: 'Jaarlijks meelopen vraagt ook iets van de bedrijven: spreek het met hen af.' }, silent: [], decision: 'accepted' },
  ];
  const pairs = Array.from({ length: Math.max(groupCount, framework.length) }, (_, i) => ({ group: i % groupCount, domain: framework[i % framework.length]!.key }));
  const decided: { domain: string; text: string; decidedText: string; decision: 'accepted' | 'amended'; objections: string[] }[] = [];
  let lastProposal: string | null = null;
  for (const [position, pair] of pairs.entries()) {
    const spec = proposals.find((p) => p.domain === pair.domain)!;
    const writers = membersOf(pair.group);
    const text = spec.drafts.at(-1)!;
    const decidedText = spec.decision === 'amended' ? spec.amended! : text;
    const [proposal] = await tx.insert(t.cocreationProposals).values({
      networkId, sessionId, subgroupId: groups[pair.group]!.id, domainKey: pair.domain, position, text, version: spec.drafts.length,
      decision: spec.decision, decidedText, decidedBy: coordinator, decidedAt: at('14:40', position * 60),
    }).returning({ id: t.cocreationProposals.id });
    lastProposal = proposal!.id;
    await tx.insert(t.cocreationProposalEdits).values(spec.drafts.map((draft, v) => ({
      networkId, proposalId: proposal!.id, version: v + 1, op: splice(v === 0 ? '' : spec.drafts[v - 1]!, draft), participantId: participants[writers[v % Math.max(1, writers.length)] ?? 0]?.id ?? null, createdAt: at('14:05', position * 90 + v * 300),
    })));
    const domainIndex = framework.findIndex((d) => d.key === pair.domain);
    const votes = participants.map((p, i) => ({ networkId, proposalId: proposal!.id, participantId: p.id, dots: Number(dots[i]?.[domainIndex] ?? 0) })).filter((v) => v.dots > 0);
    if (votes.length) await tx.insert(t.cocreationVotes).values(votes);
    const consents = participants.map((p, i) => ({ i, p })).filter(({ i }) => !spec.silent.includes(i))
      .map(({ i, p }) => ({ networkId, proposalId: proposal!.id, participantId: p.id, position: spec.objections[i] ? 'objection' : 'consent', reason: spec.objections[i] ?? null }));
    if (consents.length) await tx.insert(t.cocreationConsents).values(consents);
    decided.push({ domain: pair.domain, text, decidedText, decision: spec.decision, objections: consents.flatMap((c) => (c.reason ? [c.reason] : [])) });
    changes += spec.drafts.length + votes.length + consents.length + 2; // edits, votes, consents, shown on the projector, decided
  }

  // Step 5 (14:45): follow-up agreements to anchor the profile in the programme; then the end.
  const agreements = [
    { title: 'Check van het beroepsbeeld met de visie van de opleidingsschool', ownerName: decidedBy ?? 'Netwerkcoördinator', dueDate: dateAddDays(zonedDate(now), 30) },
    { title: 'Curriculum van de lerarenopleiding naast het beroepsbeeld leggen', ownerName: joined[5]?.name ?? 'Opleidingsteam', dueDate: dateAddDays(zonedDate(now), 60) },
    { title: 'Praatplaat bespreken in het teamoverleg van elke opleiding', ownerName: joined[0]?.name ?? 'Teamleiders', dueDate: dateAddDays(zonedDate(now), 120) },
  ];
  await tx.insert(t.cocreationAgreements).values(agreements.map((a, i) => ({ networkId, sessionId, ...a, createdAt: at('14:47', i * 60) })));
  changes += agreements.length + 6; // the facilitator moved everyone through five steps and ended
  const endedAt = at('14:58');
  await tx.update(t.cocreationSessions).set({ step: 6, stepStartedAt: endedAt, endedAt, seq: changes, currentProposalId: lastProposal })
    .where(eq(t.cocreationSessions.id, sessionId));

  // Version 1: what ending the session wrote — per domain what was agreed and where discussion
  // remains (statements without consensus, objections to proposals that stand).
  const split = (i: number) => {
    const m = marks[i]!;
    const total = m.agree! + m.disagree! + m.unsure!;
    return total >= 3 && m.agree! / total < 0.7 && m.disagree! / total < 0.7;
  };
  await tx.insert(t.cocreationProfileVersions).values({
    networkId, profileName, version: 1, sessionId, createdBy: coordinator, createdAt: endedAt,
    content: {
      profileName, sessionId, sessionTitle: title, decidedOn: day,
      domains: framework.map((d) => ({
        ...d,
        agreed: decided.filter((p) => p.domain === d.key).map((p) => ({ text: p.decidedText, outcome: p.decision, decidedBy })),
        discussion: [...new Set([
          ...statements.filter((s, i) => split(i) && (s.domain === d.key || (attached[i]![d.key] ?? 0) > 0)).map((s) => s.text),
          ...decided.filter((p) => p.domain === d.key).flatMap((p) => p.objections),
        ])],
      })),
      rejected: [],
      agreements,
    },
  });
  await tx.insert(t.cocreationSessions).values({
    networkId, title: 'Beroepsbeeld aanscherpen (demo)', profileName, framework, stepMinutes, dotBudget: 3,
    code: 'DEMO01', codeExpiresAt: new Date(now.getTime() + 30 * 86_400_000), createdBy: coordinator, createdAt: now, stepStartedAt: now,
  });
}

// A leerlab vmbo–mbo with a planned school year: Vakcollege Eemnes and ROC Eemvallei around the
// pgp IT and the keuzedeel design thinking. Pupils of 4A and 4B go to the ROC on Wednesday
// 10:30–12:00 (their timetable leaves that free with travel), an mbo teacher gives a guest lesson
// at the Vakcollege every four weeks on Thursday 13:00–14:00; holidays and study days are out.
// Sessions before today have attendance, period 1 has results and an evaluation round.
async function seedLeerlab(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const t = leerlabTables;
  const today = zonedDate(now);
  const y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0);
  const mondayOnOrAfter = (d: string) => dateAddDays(d, (8 - dateWeekday(d)) % 7);
  const firstDate = mondayOnOrAfter(`${y}-09-01`);
  const lastDate = dateAddDays(mondayOnOrAfter(`${y + 1}-07-01`), 4);
  const insts = await tx.select().from(institutions).where(eq(institutions.networkId, networkId));
  const vak = insts.find((i) => i.name === 'Vakcollege Eemnes');
  const roc = insts.find((i) => i.name === 'ROC Eemvallei');
  if (!vak || !roc) return;
  const locs = await tx.select().from(locations).where(eq(locations.networkId, networkId));
  const vakLoc = locs.find((l) => l.institutionId === vak.id)!;
  const rocLoc = locs.find((l) => l.institutionId === roc.id)!;
  const staffOf = async (institutionId: string) => tx.select({ id: memberships.personId }).from(memberships)
    .where(sql`${memberships.networkId} = ${networkId} and ${memberships.institutionId} = ${institutionId} and ${memberships.role} = 'teacher'`).limit(2);
  const [docent] = await tx.select({ id: people.id }).from(people).where(eq(people.email, `docent@${DEMO_DOMAIN}`));
  const [sc] = await tx.select({ id: people.id }).from(people).where(eq(people.email, `schoolcoordinator@${DEMO_DOMAIN}`));
  const voTeachers = await staffOf(vak.id);
  const [leerlab] = await tx.insert(t.leerlabs).values({
    networkId, name: 'Leerlab IT Eemnes–Eemvallei', pgp: 'IT', keuzedeelName: 'Design thinking', keuzedeelCode: 'K0125', cohortYear: 4,
    schoolYear: `${y}-${y + 1}`, firstDate, lastDate, voLocationId: vakLoc.id, mboLocationId: rocLoc.id, travelMode: 'bike', travelMinutes: 25,
    sessionMinutes: 90, guestMinutes: 60, guestEveryWeeks: 4, retentionMonths: 12,
    rules: { dayStart: '08:30', dayEnd: '16:30', forbidden: [{ weekday: 1, start: '15:00', end: '16:00' }], preferEarly: true, avoidEdges: true, maxSkippedWeeks: 2 },
  }).returning({ id: t.leerlabs.id });
  const leerlabId = leerlab!.id;
  await tx.insert(t.leerlabPartners).values([{ networkId, leerlabId, institutionId: vak.id, side: 'vo' }, { networkId, leerlabId, institutionId: roc.id, side: 'mbo' }]);
  const staff = [
    ...(sc ? [{ personId: sc.id, role: 'mbo_coordinator' }] : []),
    ...(docent ? [{ personId: docent.id, role: 'mbo_teacher' }] : []),
    ...(voTeachers[0] ? [{ personId: voTeachers[0].id, role: 'vo_coordinator' }] : []),
    ...(voTeachers[1] ? [{ personId: voTeachers[1].id, role: 'vo_teacher' }] : []),
  ];
  await tx.insert(t.leerlabStaff).values(staff.map((s) => ({ ...s, networkId, leerlabId })));
  const periodEnds = [dateAddDays(firstDate, 9 * 7 - 3), dateAddDays(firstDate, 20 * 7 - 3), dateAddDays(firstDate, 30 * 7 - 3), lastDate];
  const periods = await tx.insert(t.leerlabPeriods).values(periodEnds.map((end, i) => ({
    networkId, leerlabId, name: `Periode ${i + 1}`, startDate: i === 0 ? firstDate : dateAddDays(periodEnds[i - 1]!, 3), endDate: end,
  }))).returning();
  const parts = await tx.insert(t.leerlabParts).values([
    { name: 'Empathie en probleemverkenning', hours: 12 }, { name: 'Ideeën genereren', hours: 10 }, { name: 'Prototype bouwen en testen', hours: 16 }, { name: 'Presentatie aan de opdrachtgever', hours: 6 },
  ].map((p, position) => ({ ...p, position, networkId, leerlabId }))).returning();
  const lessons = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '08:30', end: '10:00' },
    ...(weekday === 3 ? [] : [{ weekday, start: '10:20', end: '12:00' }]),
    ...(weekday === 4 ? [{ weekday, start: '14:15', end: '15:45' }] : [{ weekday, start: '12:30', end: '14:00' }]),
  ]);
  const classes = await tx.insert(t.leerlabClasses).values(['4A', '4B'].map((name) => ({ networkId, leerlabId, name, lessons }))).returning();
  // Holidays (middle region, approximately) and two study days.
  const closed: { date: string; kind: string; label: string }[] = [];
  const week = (monday: string, label: string) => { for (let d = 0; d < 5; d++) closed.push({ date: dateAddDays(monday, d), kind: 'holiday', label }); };
  week(mondayOnOrAfter(`${y}-10-19`), 'Herfstvakantie');
  week(mondayOnOrAfter(`${y}-12-21`), 'Kerstvakantie');
  week(dateAddDays(mondayOnOrAfter(`${y}-12-21`), 7), 'Kerstvakantie');
  week(mondayOnOrAfter(`${y + 1}-02-16`), 'Voorjaarsvakantie');
  week(mondayOnOrAfter(`${y + 1}-04-27`), 'Meivakantie');
  closed.push({ date: dateAddDays(mondayOnOrAfter(`${y}-11-16`), 2), kind: 'study_day', label: 'Studiedag' });
  closed.push({ date: dateAddDays(mondayOnOrAfter(`${y + 1}-03-16`), 2), kind: 'study_day', label: 'Studiedag' });
  await tx.insert(t.leerlabClosedDays).values(closed.map((c) => ({ ...c, networkId, leerlabId }))).onConflictDoNothing();
  const closedSet = new Set(closed.map((c) => c.date));
  await tx.insert(t.leerlabPatterns).values([
    { networkId, leerlabId, direction: 'pupils_to_mbo', weekday: 3, startMinute: 630, endMinute: 720, score: 98, chosenBy: coordinator },
    { networkId, leerlabId, direction: 'teachers_to_vo', weekday: 4, startMinute: 780, endMinute: 840, score: 89, chosenBy: coordinator },
  ]);
  const sessionRows: (typeof t.leerlabSessions.$inferInsert)[] = [];
  for (let w = 0, monday = firstDate; monday <= lastDate; w++, monday = dateAddDays(monday, 7)) {
    const wed = dateAddDays(monday, 2);
    if (!closedSet.has(wed)) {
      const start = zonedToUtc(wed, '10:30');
      sessionRows.push({ networkId, leerlabId, direction: 'pupils_to_mbo', startAt: start, endAt: zonedToUtc(wed, '12:00'), leaveAt: zonedToUtc(wed, '10:05'), returnBy: zonedToUtc(wed, '12:25'), uid: `leerlab-demo-${wed}-p@kruispunt` });
    }
    const thu = dateAddDays(monday, 3);
    if (w % 4 === 0 && !closedSet.has(thu)) {
      sessionRows.push({ networkId, leerlabId, direction: 'teachers_to_vo', startAt: zonedToUtc(thu, '13:00'), endAt: zonedToUtc(thu, '14:00'), leaveAt: zonedToUtc(thu, '12:35'), returnBy: zonedToUtc(thu, '14:25'), uid: `leerlab-demo-${thu}-g@kruispunt` });
    }
  }
  const sessions = await tx.insert(t.leerlabSessions).values(sessionRows).returning();
  const names = ['Daan Visser', 'Lotte Smit', 'Milan de Boer', 'Fleur Mulder', 'Noah Bos', 'Julia Peters', 'Sem Hendriks', 'Tess van Dijk', 'Finn Dekker', 'Zoë Jacobs', 'Luuk Brouwer', 'Isa de Graaf'];
  const pupils = await tx.insert(t.leerlabPupils).values(names.map((name, i) => ({ networkId, leerlabId, classId: classes[i % 2]!.id, name }))).returning();
  const past = sessions.filter((s) => s.endAt < now && s.direction === 'pupils_to_mbo');
  const marks = past.flatMap((s, si) => pupils.map((p, pi) => ({ networkId, sessionId: s.id, pupilId: p.id, status: (pi + si) % 11 === 0 ? 'absent' : (pi + si) % 17 === 0 ? 'late' : 'present', markedBy: docent?.id ?? coordinator, markedAt: s.endAt })));
  if (marks.length) await tx.insert(t.leerlabAttendance).values(marks);
  if (periodEnds[0]! < today) {
    await tx.insert(t.leerlabResults).values(pupils.flatMap((p, i) => parts.slice(0, 2).map((part, j) => ({
      networkId, pupilId: p.id, partId: part.id, grade: 5.5 + ((i * 7 + j * 3) % 9) / 2, completed: (i + j) % 5 !== 0, assessedOn: periodEnds[0]!,
    }))));
    const [ev] = await tx.insert(t.leerlabEvaluations).values({ networkId, leerlabId, periodId: periods[0]!.id, name: 'Na periode 1', code: 'LLDEMO', open: false, notes: 'Leerlingen vonden de fietstocht op woensdag lang: we spreken samen af bij de fietsenstalling en vertrekken om 10:05.' }).returning();
    await tx.insert(t.leerlabEvaluationAnswers).values(Array.from({ length: 14 }, (_, i) => ({
      networkId, evaluationId: ev!.id, respondent: i < 11 ? 'pupil' : i < 13 ? 'vo_teacher' : 'mbo_teacher',
      ratings: { learned: 3 + (i % 3), interesting: 4 + (i % 2), organisation: 2 + (i % 4), travel: 2 + (i % 3), recommend: 3 + (i % 3) }, comment: i === 2 ? 'Het prototype maken was het leukst.' : '',
    })));
  }
  await tx.insert(t.leerlabEvaluations).values({ networkId, leerlabId, periodId: periods[1]!.id, name: 'Na periode 2', code: 'LLDEM2', open: true });
  const owner = (kind: string) => (kind === 'badges' || kind === 'grade_accounts' ? sc?.id : voTeachers[0]?.id) ?? coordinator;
  await tx.insert(t.leerlabChecklistItems).values([
    { kind: 'financing', title: 'Financiering en subsidie rond (bron, bedrag, periode, verantwoording)', dueDate: dateAddDays(firstDate, -42), status: 'done', financing: { source: 'Regionaal Investeringsfonds mbo', amount: 24000, period: `${y}-${y + 1}`, spent: 9100, documentsDue: `${y + 1}-09-30` } },
    { kind: 'badges', title: 'Toegangspassen voor de leerlingen op het ROC', dueDate: dateAddDays(firstDate, -14), status: 'done' },
    { kind: 'grade_accounts', title: 'Accounts voor cijferinvoer in het systeem van de andere school', dueDate: dateAddDays(firstDate, -14), status: 'in_progress' },
    { kind: 'transport', title: 'Vervoer tussen de scholen geregeld', dueDate: dateAddDays(firstDate, -7), status: 'done' },
    ...periods.map((p) => ({ kind: 'evaluation', title: `Evaluatiemoment na ${p.name}`, dueDate: p.endDate, status: p.endDate < today ? 'done' : 'open' })),
  ].map((i) => ({ ...i, ownerId: owner(i.kind), networkId, leerlabId })));
}

// Last school year's leerlab, finished: vmbo pupils of 3C followed the keuzedeel on care at ROC
// Eemvallei on Wednesday mornings, with a guest lesson at the Vakcollege every four weeks; the
// roster was kept, every part assessed, and two evaluation rounds answered. Over, so it can
// become a practice example with its facts.
async function seedLeerlabFinished(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const t = leerlabTables;
  const today = zonedDate(now);
  const y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0) - 1;
  const mondayOnOrAfter = (d: string) => dateAddDays(d, (8 - dateWeekday(d)) % 7);
  const firstDate = mondayOnOrAfter(`${y}-09-01`);
  const lastDate = dateAddDays(mondayOnOrAfter(`${y + 1}-07-01`), 4);
  const insts = await tx.select().from(institutions).where(eq(institutions.networkId, networkId));
  const vak = insts.find((i) => i.name === 'Vakcollege Eemnes');
  const roc = insts.find((i) => i.name === 'ROC Eemvallei');
  if (!vak || !roc) return;
  const locs = await tx.select().from(locations).where(eq(locations.networkId, networkId));
  const teachersOf = async (institutionId: string) => (await tx.select({ id: memberships.personId, email: people.email }).from(memberships).innerJoin(people, eq(people.id, memberships.personId))
    .where(sql`${memberships.networkId} = ${networkId} and ${memberships.institutionId} = ${institutionId} and ${memberships.role} = 'teacher' and ${people.email} <> ${`docent@${DEMO_DOMAIN}`}`))
    .sort((a, b) => b.email.localeCompare(a.email));
  const [vo1, vo2] = await teachersOf(vak.id);
  const [mbo1, mbo2] = await teachersOf(roc.id);
  if (!vo1 || !vo2 || !mbo1 || !mbo2) return;
  const [leerlab] = await tx.insert(t.leerlabs).values({
    networkId, name: 'Leerlab Zorg Eemnes–Eemvallei', pgp: 'Zorg en welzijn', keuzedeelName: 'Kennismaken met zorg en welzijn', keuzedeelCode: 'K0692', cohortYear: 3,
    schoolYear: `${y}-${y + 1}`, firstDate, lastDate, voLocationId: locs.find((l) => l.institutionId === vak.id)?.id ?? null, mboLocationId: locs.find((l) => l.institutionId === roc.id)?.id ?? null,
    travelMode: 'bike', travelMinutes: 25, sessionMinutes: 90, guestMinutes: 60, guestEveryWeeks: 4, retentionMonths: 12,
    rules: { dayStart: '08:30', dayEnd: '16:30', forbidden: [], preferEarly: true, avoidEdges: true, maxSkippedWeeks: 2 },
    createdAt: zonedToUtc(dateAddDays(firstDate, -90), '10:00'), updatedAt: zonedToUtc(lastDate, '16:00'),
  }).returning({ id: t.leerlabs.id });
  const leerlabId = leerlab!.id;
  await tx.insert(t.leerlabPartners).values([{ networkId, leerlabId, institutionId: vak.id, side: 'vo' }, { networkId, leerlabId, institutionId: roc.id, side: 'mbo' }]);
  await tx.insert(t.leerlabStaff).values([
    { personId: mbo1.id, role: 'mbo_coordinator' }, { personId: mbo2.id, role: 'mbo_teacher' }, { personId: vo1.id, role: 'vo_coordinator' }, { personId: vo2.id, role: 'vo_teacher' },
  ].map((s) => ({ ...s, networkId, leerlabId })));
  const periodEnds = [dateAddDays(firstDate, 9 * 7 - 3), dateAddDays(firstDate, 20 * 7 - 3), dateAddDays(firstDate, 30 * 7 - 3), lastDate];
  const periods = await tx.insert(t.leerlabPeriods).values(periodEnds.map((end, i) => ({
    networkId, leerlabId, name: `Periode ${i + 1}`, startDate: i === 0 ? firstDate : dateAddDays(periodEnds[i - 1]!, 3), endDate: end,
  }))).returning();
  const parts = await tx.insert(t.leerlabParts).values([
    { name: 'Werken in de zorg: rondleiding en beroepen', hours: 10 }, { name: 'Basiszorg oefenen in het praktijklokaal', hours: 16 }, { name: 'Gesprek met een cliënt', hours: 8 },
  ].map((p, position) => ({ ...p, position, networkId, leerlabId }))).returning();
  const lessons = [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '08:30', end: '10:00' }, { weekday, start: '12:30', end: '14:00' }]);
  const [klas] = await tx.insert(t.leerlabClasses).values({ networkId, leerlabId, name: '3C', lessons }).returning();
  const closed: { date: string; kind: string; label: string }[] = [];
  const week = (monday: string, label: string) => { for (let d = 0; d < 5; d++) closed.push({ date: dateAddDays(monday, d), kind: 'holiday', label }); };
  week(mondayOnOrAfter(`${y}-10-19`), 'Herfstvakantie');
  week(mondayOnOrAfter(`${y}-12-21`), 'Kerstvakantie');
  week(dateAddDays(mondayOnOrAfter(`${y}-12-21`), 7), 'Kerstvakantie');
  week(mondayOnOrAfter(`${y + 1}-02-16`), 'Voorjaarsvakantie');
  week(mondayOnOrAfter(`${y + 1}-04-27`), 'Meivakantie');
  await tx.insert(t.leerlabClosedDays).values(closed.map((c) => ({ ...c, networkId, leerlabId }))).onConflictDoNothing();
  const closedSet = new Set(closed.map((c) => c.date));
  await tx.insert(t.leerlabPatterns).values([
    { networkId, leerlabId, direction: 'pupils_to_mbo', weekday: 3, startMinute: 630, endMinute: 720, score: 95, chosenBy: coordinator },
    { networkId, leerlabId, direction: 'teachers_to_vo', weekday: 4, startMinute: 780, endMinute: 840, score: 87, chosenBy: coordinator },
  ]);
  const sessionRows: (typeof t.leerlabSessions.$inferInsert)[] = [];
  for (let w = 0, monday = firstDate; monday <= lastDate; w++, monday = dateAddDays(monday, 7)) {
    const wed = dateAddDays(monday, 2);
    if (!closedSet.has(wed)) {
      sessionRows.push({ networkId, leerlabId, direction: 'pupils_to_mbo', startAt: zonedToUtc(wed, '10:30'), endAt: zonedToUtc(wed, '12:00'), leaveAt: zonedToUtc(wed, '10:05'), returnBy: zonedToUtc(wed, '12:25'), uid: `leerlab-demo-zorg-${wed}-p@kruispunt` });
    }
    const thu = dateAddDays(monday, 3);
    if (w % 4 === 0 && !closedSet.has(thu)) {
      sessionRows.push({ networkId, leerlabId, direction: 'teachers_to_vo', startAt: zonedToUtc(thu, '13:00'), endAt: zonedToUtc(thu, '14:00'), leaveAt: zonedToUtc(thu, '12:35'), returnBy: zonedToUtc(thu, '14:25'), uid: `leerlab-demo-zorg-${thu}-g@kruispunt` });
    }
  }
  const sessions = await tx.insert(t.leerlabSessions).values(sessionRows).returning();
  const names = ['Amira Benali', 'Bo Jansen', 'Chris van Vliet', 'Demi Koster', 'Emre Aydın', 'Femke de Ruiter', 'Gijs Hoekstra', 'Hira Malik', 'Jesse Timmer', 'Kiki Vermeer'];
  const pupils = await tx.insert(t.leerlabPupils).values(names.map((name) => ({ networkId, leerlabId, classId: klas!.id, name }))).returning();
  const toMbo = sessions.filter((s) => s.direction === 'pupils_to_mbo');
  await tx.insert(t.leerlabAttendance).values(toMbo.flatMap((s, si) => pupils.map((p, pi) => ({
    networkId, sessionId: s.id, pupilId: p.id, status: (pi * 3 + si) % 13 === 0 ? 'absent' : (pi + si) % 19 === 0 ? 'late' : 'present', markedBy: mbo2.id, markedAt: s.endAt,
  }))));
  await tx.insert(t.leerlabResults).values(pupils.flatMap((p, i) => parts.map((part, j) => ({
    networkId, pupilId: p.id, partId: part.id, grade: 6 + ((i * 5 + j * 3) % 7) / 2, completed: !(i === 7 && j === 2), assessedOn: periodEnds[Math.min(j + 1, 3)]!,
  }))));
  const rounds = await tx.insert(t.leerlabEvaluations).values([
    { networkId, leerlabId, periodId: periods[1]!.id, name: 'Na periode 2', code: `LZ${String(y).slice(2)}A1`, open: false, notes: 'De oefenlessen in het praktijklokaal waren het sterkst; het rondleiden kan korter.' },
    { networkId, leerlabId, periodId: periods[3]!.id, name: 'Eind van het jaar', code: `LZ${String(y).slice(2)}B2`, open: false, notes: 'Volgend jaar eerder beginnen met het gesprek met een cliënt.' },
  ]).returning();
  await tx.insert(t.leerlabEvaluationAnswers).values(rounds.flatMap((round, r) => Array.from({ length: 12 }, (_, i) => ({
    networkId, evaluationId: round.id, respondent: i < 10 ? 'pupil' : i === 10 ? 'vo_teacher' : 'mbo_teacher',
    ratings: { learned: 3 + ((i + r) % 3), interesting: 4 + (i % 2), organisation: 3 + ((i + r) % 3), travel: 2 + (i % 3), recommend: 3 + ((i + 2 * r) % 3) },
    comment: i === 1 && r === 0 ? 'Bloeddruk meten op elkaar was het leukst.' : i === 4 && r === 1 ? 'Ik wil nu de opleiding maatschappelijke zorg doen.' : '',
    createdAt: zonedToUtc(r === 0 ? periodEnds[1]! : lastDate, '11:00'),
  }))));
  await tx.insert(t.leerlabChecklistItems).values([
    { kind: 'financing', title: 'Financiering en subsidie rond (bron, bedrag, periode, verantwoording)', dueDate: dateAddDays(firstDate, -42), status: 'done', financing: { source: 'Regionaal Investeringsfonds mbo', amount: 18000, period: `${y}-${y + 1}`, spent: 17400, documentsDue: `${y + 1}-09-30` } },
    { kind: 'badges', title: 'Toegangspassen voor de leerlingen op het ROC', dueDate: dateAddDays(firstDate, -14), status: 'done' },
    { kind: 'transport', title: 'Vervoer tussen de scholen geregeld', dueDate: dateAddDays(firstDate, -7), status: 'done' },
    ...periods.map((p) => ({ kind: 'evaluation', title: `Evaluatiemoment na ${p.name}`, dueDate: p.endDate, status: 'done' })),
  ].map((i) => ({ ...i, ownerId: i.kind === 'badges' ? mbo1.id : vo1.id, networkId, leerlabId })));
}

// A speeddate last week at ROC Eemvallei: the network's professionals (a table each) and six
// teachers, three rounds; everybody came but one; a few "meet again" choices, one of them mutual
// (the demo docent and the Datawerk professional), which Job Twinning shows as a suggestion.
async function seedSpeeddate(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const { speeddateEvents, speeddateParticipants, speeddateSeats, speeddateChoices } = speeddateTables;
  const members = await tx.select({ personId: memberships.personId, role: memberships.role, email: people.email, institutionId: memberships.institutionId })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).where(eq(memberships.networkId, networkId));
  const pros = [...new Map(members.filter((m) => m.role === 'professional').map((m) => [m.personId, m])).values()].sort((a, b) => a.email.localeCompare(b.email)).slice(0, 4);
  const docent = members.find((m) => m.email === `docent@${DEMO_DOMAIN}`);
  const others = [...new Map(members.filter((m) => m.role === 'teacher' && m.personId !== docent?.personId).map((m) => [m.personId, m])).values()].sort((a, b) => a.email.localeCompare(b.email));
  const teachers = [...(docent ? [docent] : []), ...others].slice(0, 6);
  if (pros.length === 0 || teachers.length === 0) return;
  const startAt = zonedToUtc(dateAddDays(zonedDate(now), -7), '15:00');
  const rounds = Math.max(pros.length, Math.ceil(teachers.length / 2));
  const [event] = await tx.insert(speeddateEvents).values({
    networkId, title: 'Speeddate docenten en bedrijven', startAt, place: 'Aula ROC Eemvallei, Amersfoort', tableCount: pros.length + 1, seatsPerTable: 2,
    rounds, roundMinutes: 8, changeoverMinutes: 2, createdBy: coordinator,
  }).returning();
  await tx.insert(speeddateParticipants).values([
    ...pros.map((p, i) => ({ networkId, eventId: event!.id, personId: p.personId, role: 'professional', tableNo: i + 1, status: 'arrived', checkedAt: startAt })),
    ...teachers.map((t, i) => ({ networkId, eventId: event!.id, personId: t.personId, role: 'teacher', status: i === teachers.length - 1 ? 'no_show' : 'arrived', checkedAt: startAt })),
  ]);
  // Teacher i sits at table (i + r) mod P in round r: everyone meets every professional once.
  const present = teachers.slice(0, teachers.length - 1);
  const seats = present.flatMap((t, i) => Array.from({ length: rounds }, (_, r) => ({ i, r, t })).filter(({ r }) => r < pros.length).map(({ r }) => {
    const table = (i + r) % pros.length;
    return { networkId, eventId: event!.id, round: r + 1, teacherId: t.personId, professionalId: pros[table]!.personId, tableNo: table + 1 };
  }));
  await tx.insert(speeddateSeats).values(seats);
  const [dataInst] = await tx.select({ id: institutions.id }).from(institutions).where(sql`${institutions.networkId} = ${networkId} and ${institutions.name} = 'Datawerk Software B.V.'`);
  const data = pros.find((p) => p.institutionId === dataInst?.id) ?? pros[0]!;
  const choices = [
    ...(docent ? [{ chooserId: docent.personId, chosenId: data.personId }, { chooserId: data.personId, chosenId: docent.personId }] : []),
    ...(present[1] ? [{ chooserId: present[1].personId, chosenId: pros[0]!.personId }] : []),
  ];
  if (choices.length) await tx.insert(speeddateChoices).values(choices.map((c) => ({ networkId, eventId: event!.id, ...c })));
}

// Job Twinning: profiles and goals for a few teachers and professionals (so suggestions show),
// one running twin with a logged coffee and a workplace visit next week, one proposal.
async function seedTwinning(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  const { twinningProfiles, twinningGoals, twinningTwins, twinningMeetings } = twinningTables;
  const members = await tx.select({ personId: memberships.personId, role: memberships.role, email: people.email, institution: institutions.name })
    .from(memberships).innerJoin(people, eq(people.id, memberships.personId)).leftJoin(institutions, eq(institutions.id, memberships.institutionId))
    .where(eq(memberships.networkId, networkId));
  const unique = (role: string) => [...new Map(members.filter((m) => m.role === role).map((m) => [m.personId, m])).values()].sort((a, b) => a.email.localeCompare(b.email));
  const proAt = (name: string) => unique('professional').find((m) => m.institution === name);
  const pros = [proAt('Bouwbedrijf Van Dijk & Zonen'), proAt('Zorggroep De Linde'), proAt('Datawerk Software B.V.')];
  const docent = members.find((m) => m.email === `docent@${DEMO_DOMAIN}`);
  const teachers = unique('teacher').filter((t) => t.email !== `docent@${DEMO_DOMAIN}`);
  if (pros.some((p) => !p) || !docent || teachers.length < 4) return;
  const profile = async (personId: string, role: string, iscedCodes: string[], about: string, goals: string[]) => {
    await tx.insert(twinningProfiles).values({ networkId, personId, role, iscedCodes, about });
    for (const text of goals) await tx.insert(twinningGoals).values({ networkId, personId, text });
  };
  const [t1, t2, , t4] = teachers as [typeof teachers[0], typeof teachers[0], typeof teachers[0], typeof teachers[0]];
  const [p1, p2, p3] = pros as [NonNullable<typeof pros[0]>, NonNullable<typeof pros[0]>, NonNullable<typeof pros[0]>];
  await profile(t1.personId, 'teacher', ['0732'], 'Docent bouwkunde.', ['BIM en circulair bouwen in mijn lessen brengen', 'Weten wat leerlingen op de bouwplaats tegenkomen']);
  await profile(p1.personId, 'professional', ['0732'], 'Werkvoorbereider in de utiliteitsbouw.', ['Beter begrijpen hoe het onderwijs leerlingen opleidt', 'Circulair bouwen uitleggen aan nieuwe collega\'s']);
  await profile(t2.personId, 'teacher', ['0913'], 'Docent verpleegkunde.', ['Zorgtechnologie en domotica in de praktijk zien']);
  await profile(p2.personId, 'professional', ['0913'], 'Teamleider ouderenzorg.', ['Zorgtechnologie samen met studenten verbeteren']);
  // The demo docent chose the Datawerk professional at the speeddate, and they share a field.
  await profile(docent.personId, 'teacher', ['0613'], 'Docent software development.', ['Scrum en testautomatisering zoals bedrijven het doen']);
  await profile(p3.personId, 'professional', ['0613'], 'Tester bij een softwarebedrijf.', ['Gastlessen over testautomatisering geven']);
  await profile(t4.personId, 'teacher', ['0732'], 'Docent infra.', ['Innovaties in de infra volgen']);
  const hour = 3_600_000;
  const at = (days: number, h: number) => zonedToUtc(dateAddDays(zonedDate(now), days), `${String(h).padStart(2, '0')}:00`);
  const [running] = await tx.insert(twinningTwins).values({
    networkId, teacherId: t1.personId, professionalId: p1.personId, status: 'active', teacherConfirmed: true, professionalConfirmed: true, confirmedBy: coordinator,
    score: 70, reason: { fields: ['0732'], words: ['circulair'], speeddate: null }, activatedAt: at(-40, 9), createdAt: at(-42, 9),
  }).returning();
  await tx.update(twinningGoals).set({ progress: 40, progressNote: 'Eerste BIM-opdracht samen opgezet.' }).where(eq(twinningGoals.personId, t1.personId));
  await tx.insert(twinningMeetings).values([
    { networkId, twinId: running!.id, form: 'coffee', title: 'Kennismaking en doelen', startAt: at(-35, 10), endAt: new Date(at(-35, 10).getTime() + hour), location: 'Kantine ROC Eemvallei', status: 'logged', notes: 'Doelen naast elkaar gelegd.', learned: 'Hoe een werkvoorbereider een project opdeelt.', hours: '1', createdBy: t1.personId },
    { networkId, twinId: running!.id, form: 'workplace_visit', title: 'Rondleiding bouwplaats', startAt: at(-14, 13), endAt: new Date(at(-14, 13).getTime() + 3 * hour), location: 'Bouwplaats Vathorst', status: 'logged', notes: 'Veiligheid, planning en BIM op de tablet.', learned: 'BIM wordt op de bouwplaats elke dag gebruikt; dat wil ik in de les laten zien.', hours: '3', createdBy: t1.personId },
    { networkId, twinId: running!.id, form: 'attend', title: 'Meekijken in de les bouwkunde', startAt: at(7, 10), endAt: new Date(at(7, 10).getTime() + 2 * hour), location: 'ROC Eemvallei', createdBy: p1.personId },
  ]);
  await tx.insert(twinningTwins).values({
    networkId, teacherId: t2.personId, professionalId: p2.personId, status: 'proposed', teacherConfirmed: true, professionalConfirmed: false,
    score: 60, reason: { fields: ['0913'], words: ['zorgtechnologie'], speeddate: null }, createdAt: at(-2, 9),
  });
}

// Practice examples in our own words, one per practice: some public (the library a visitor sees
// without an account), some shared in the network, one draft for the coordinator to finish.
const DEMO_EXAMPLES: {
  slug: string; title: string; practice: string; visibility: 'draft' | 'network' | 'public'; sectors: string[]; themes: string[]; region: string;
  institutions: string[]; special: string; story: string; tips: string[]; links?: { label: string; url: string }[];
}[] = [
  {
    slug: 'demo-docentenuitwisseling-ict-mbo-hbo', title: 'Docenten ICT van mbo en hbo kijken een week bij elkaar in de les', practice: 'exchange', visibility: 'public',
    sectors: ['mbo', 'hbo'], themes: ['professionalisering', 'lob_leeromgeving'], region: 'Eemland', institutions: ['ROC Eemvallei', 'Hogeschool Domstad'],
    special: 'De koppels zijn gemaakt op de roosters die de scholen al hadden: niemand hoefde lessen te ruilen.',
    story: 'Twaalf docenten software development van het mbo en docenten HBO-ICT bezochten elkaar in dezelfde week. Wie op bezoek ging, zag hoe studenten in het eerste jaar van het hbo vastlopen op zelfstandig plannen. Terug op het mbo lieten de docenten hun studenten vaker zelf een sprintplanning maken. Het nagesprek na elk bezoek bleek het waardevolste deel van de week.',
    tips: ['Kondig de week een half jaar vooraf aan, dan houden teams er rekening mee in de jaarplanning.', 'Plan het nagesprek meteen na het bezoek, niet een week later.', 'Laat de teamleider de uren vooraf toezeggen.'],
  },
  {
    slug: 'demo-leerlab-pgp-ict-keuzedeel', title: 'Leerlab: vmbo-leerlingen volgen een keuzedeel op het roc', practice: 'leerlab', visibility: 'public',
    sectors: ['vmbo', 'mbo'], themes: ['lob_programma', 'loopbaankeuze'], region: 'Eemland', institutions: ['Vakcollege Eemnes', 'ROC Eemvallei'],
    special: 'Leerlingen halen al op het vmbo een deel van een mbo-keuzedeel, dat later als vrijstelling telt.',
    story: 'Elke week gaan derdejaars van het praktijkgerichte programma ICT naar het roc voor het keuzedeel design thinking. Mbo-docenten geven om de week een gastles op het vakcollege. De planning houdt rekening met reistijd en met het uur waarop leerlingen moe zijn. Aan het eind van het jaar krijgen leerlingen een verklaring van de onderdelen die ze al hebben afgerond.',
    tips: ['Regel de toegangspassen en accounts voor de eerste les, niet erna.', 'Spreek vooraf af wie de cijfers invoert in welk systeem.'],
  },
  {
    slug: 'demo-bedrijfsbezoek-bouwplaats', title: 'Docenten bouwkunde op de bouwplaats: voorbereiden, bezoeken, terugkoppelen', practice: 'company_visit', visibility: 'public',
    sectors: ['mbo', 'vmbo'], themes: ['arbeidsmarktinformatie', 'professionalisering'], region: 'Utrecht', institutions: ['ROC Eemvallei', 'Bouwbedrijf Van Dijk & Zonen'],
    special: 'Een bezoek in drie stappen: een vraag vooraf, het bezoek zelf, en wat het bedrijf terughoort.',
    story: 'Vijf docenten bouwkunde bezochten een bouwplaats in Vathorst. Vooraf schreven ze op wat ze wilden weten over BIM en veiligheid. Op de bouwplaats liep een werkvoorbereider met hen mee. Een maand later vertelden de docenten het bedrijf wat ze in hun lessen hadden veranderd; het bedrijf bood daarna stageplaatsen aan.',
    tips: ['Laat docenten vooraf één concrete vraag formuleren.', 'Koppel terug aan het bedrijf: dan komen ze een volgende keer graag weer.'],
  },
  {
    slug: 'demo-speeddate-onderwijs-bedrijfsleven', title: 'Speeddate: twintig docenten en twintig vakmensen in één middag', practice: 'speeddate', visibility: 'network',
    sectors: ['mbo', 'hbo'], themes: ['arbeidsmarktinformatie', 'visie_beleid_kwaliteit'], region: 'Eemland', institutions: ['ROC Eemvallei', 'Datawerk Software B.V.', 'Zorggroep De Linde'],
    special: 'Iedereen sprak iedereen van de andere kant, in rondes van zeven minuten, met een rooster dat opnieuw werd berekend toen er mensen afzegden.',
    story: 'Na de middag gaven deelnemers aan wie ze nog eens wilden spreken. Wederzijdse keuzes werden een job-twinningkoppel. Drie koppels werken een jaar later nog samen aan opdrachten voor studenten.',
    tips: ['Zet de klok voor iedereen zichtbaar op het scherm.', 'Houd een korte pauze halverwege: gesprekken van zeven minuten zijn intensief.'],
  },
  {
    slug: 'demo-gezamenlijk-beroepsbeeld-zorg', title: 'Gezamenlijk beroepsbeeld verpleegkunde met zorginstellingen', practice: 'cocreation', visibility: 'public',
    sectors: ['mbo', 'hbo'], themes: ['visie_beleid_kwaliteit', 'regelgeving'], region: 'Utrecht', institutions: ['ROC Eemvallei', 'Hogeschool Domstad', 'Zorggroep De Linde'],
    special: 'Docenten en zorgprofessionals stelden samen vast wat een beginnend verpleegkundige moet kunnen, in vijf stappen.',
    story: 'In twee sessies van een dagdeel stemden deelnemers op stellingen, schreven ze samen aan de kern van het beroep en gaven ze met stippen aan wat het zwaarst weegt. Het resultaat, een praatplaat, hangt nu in de docentenkamer en bij de afdeling opleiden van de zorggroep.',
    tips: ['Laat deelnemers op hun telefoon meedoen; dan komt iedereen aan het woord.', 'Leg na elke stap vast wat besloten is.'],
    links: [{ label: 'Kwaliteitskader Samen Opleiden (Platform Samen Opleiden & Professionaliseren)', url: 'https://www.platformsamenopleiden.nl/' }],
  },
  {
    slug: 'demo-job-twinning-bouw', title: 'Job twinning: een docent bouwkunde en een werkvoorbereider leren een jaar van elkaar', practice: 'job_twinning', visibility: 'network',
    sectors: ['mbo'], themes: ['professionalisering', 'arbeidsmarktinformatie'], region: 'Amersfoort', institutions: ['ROC Eemvallei', 'Bouwbedrijf Van Dijk & Zonen'],
    special: 'Geen eenmalig bezoek maar een koppel dat een jaar lang afspraken maakt: koffie, een dag meelopen, samen een les geven.',
    story: 'Na de speeddate kozen een docent bouwkunde en een werkvoorbereider elkaar. Ze legden hun leerdoelen naast elkaar: de docent wilde BIM in de les brengen, de werkvoorbereider wilde weten hoe studenten worden opgeleid. In het eerste halfjaar spraken ze vier keer af, één keer op de bouwplaats. De docent gebruikt nu tekeningen uit een echt project in de les; de werkvoorbereider gaf een gastles over planning.',
    tips: ['Zet de eerste drie afspraken meteen in de agenda.', 'Houd de leerdoelen kort en kijk er elk kwartaal samen naar.'],
  },
  {
    slug: 'demo-docentontwikkelteam-echte-opdrachtgever', title: 'Docentontwikkelteam: mbo, hbo en een softwarebedrijf ontwerpen samen een lessenserie', practice: 'design_team', visibility: 'public',
    sectors: ['mbo', 'hbo'], themes: ['lob_leeromgeving', 'professionalisering'], region: 'Utrecht', institutions: ['ROC Eemvallei', 'Hogeschool Domstad', 'Datawerk Software B.V.'],
    special: 'De opdrachtgever zat vanaf de eerste bijeenkomst aan tafel: studenten van mbo en hbo bouwen samen iets wat het bedrijf echt gebruikt.',
    story: 'Twee docenten en een tester van een softwarebedrijf kwamen zes keer twee uur bij elkaar, om en om op school en bij het bedrijf. Ze kozen een opdracht die het bedrijf nodig had en knipten die in stukken voor mbo- en hbo-studenten. Elke bijeenkomst eindigde met een besluit in het logboek. De eerste uitvoering leverde een werkend prototype op; in de tweede ronde leren de studenten elkaar eerst beter kennen.',
    tips: ['Laat het bedrijf de opdracht aanleveren voordat het team begint.', 'Houd een logboek met besluiten bij: een nieuw teamlid leest zo in tien minuten in.', 'Kies momenten waarop alle roosters vrij zijn, met de reistijd erbij.'],
  },
  {
    slug: 'demo-masterclass-testautomatisering', title: 'Masterclass: een middag meewerken in een scrumteam', practice: 'masterclass', visibility: 'network',
    sectors: ['mbo', 'hbo'], themes: ['professionalisering', 'arbeidsmarktinformatie'], region: 'Utrecht', institutions: ['Datawerk Software B.V.', 'ROC Eemvallei', 'Hogeschool Domstad'],
    special: 'Docenten nemen een opdracht uit hun eigen les mee en zien hoe een team die zou testen.',
    story: 'Drie docenten schoven een middag aan bij een scrumteam. Na een korte rondleiding werkten ze per tafel met een ontwikkelaar aan hun eigen opdracht: van user story tot geautomatiseerde test. In de nabespreking schreven ze op wat ze in hun lessen willen veranderen. De wachtlijst liet zien dat er vraag is naar een tweede middag.',
    tips: ['Vraag deelnemers vooraf een leervraag in te vullen; dan kan het bedrijf de middag daarop afstemmen.', 'Houd de groep klein: één begeleider per tafel.'],
  },
  {
    slug: 'demo-docentstage-verpleegafdeling', title: 'Docentstage: vijf ochtenden meelopen op een verpleegafdeling', practice: 'internship', visibility: 'public',
    sectors: ['mbo'], themes: ['professionalisering', 'arbeidsmarktinformatie'], region: 'Utrecht', institutions: ['ROC Eemvallei', 'Zorggroep De Linde'],
    special: 'Een docent verpleegkunde liep mee met een zorgteam en nam de zorgtechnologie van nu mee terug naar de les.',
    story: 'De docent schreef vooraf een kort leerplan: wat wil ik zien, wat wil ik leren? Vijf ochtenden liep ze mee met een zorgteam, van de overdracht tot het werken met sensoren bij bewoners. Terug op school paste ze een les over observeren aan: studenten oefenen nu met de meldingen die een sensor geeft. De afdeling neemt sindsdien vaker studenten van deze opleiding aan.',
    tips: ['Regel de VOG ruim op tijd.', 'Spreek vooraf met de teamleider af wat je mag doen en wat je alleen bekijkt.'],
  },
  {
    slug: 'demo-docentstage-datawerk', title: 'Een week docentstage bij een softwarebedrijf', practice: 'internship', visibility: 'draft',
    sectors: ['mbo'], themes: ['professionalisering'], region: 'Amersfoort', institutions: ['ROC Eemvallei', 'Datawerk Software B.V.'],
    special: 'Een docent werkte een week mee in een scrumteam.',
    story: 'Concept: de docent schrijft nog wat de stage in de lessen heeft veranderd.',
    tips: [],
  },
];

async function seedExamples(tx: Tx, networkId: string, coordinator: string, now: Date): Promise<void> {
  for (const [i, e] of DEMO_EXAMPLES.entries()) {
    const at = new Date(now.getTime() - (DEMO_EXAMPLES.length - i) * 86_400_000 * 7);
    await tx.insert(exampleTables.examples).values({
      networkId, slug: e.slug, title: e.title, special: e.special, story: e.story, tips: e.tips, links: e.links ?? [], sectors: e.sectors, themes: e.themes,
      practice: e.practice, region: e.region, institutions: e.institutions, contactName: 'Marloes Verbeek', contactEmail: `coordinator@${DEMO_DOMAIN}`,
      visibility: e.visibility, origin: null, createdBy: coordinator, publishedAt: e.visibility === 'public' ? at : null, createdAt: at, updatedAt: at,
    });
  }
}

// A few activities the demo docent added by hand (with evidence), so the record is not empty: a
// course last school year, a conference and a webinar this year; one is shown to the team lead.
async function seedRecord(tx: Tx, networkId: string, now: Date): Promise<void> {
  const [docent] = await tx.select({ id: people.id }).from(people).where(eq(people.email, `docent@${DEMO_DOMAIN}`));
  if (!docent) return;
  const today = zonedDate(now);
  const rows = await tx.insert(recordTables.recordManualActivities).values([
    { networkId, personId: docent.id, title: 'Cursus didactiek van programmeeronderwijs', date: dateAddDays(today, -400), hours: 24, contactHours: 16, primaryProcess: true, subjectSpecific: true,
      evidenceUrl: 'https://example.org/certificaat-didactiek-programmeren', evidenceNote: 'Certificaat van deelname, zes bijeenkomsten.' },
    { networkId, personId: docent.id, title: 'Onderwijscongres over hybride leeromgevingen', date: dateAddDays(today, -120), hours: 6, contactHours: 6, primaryProcess: true, subjectSpecific: false,
      evidenceUrl: null, evidenceNote: 'Programma en aantekeningen in mijn portfolio.' },
    { networkId, personId: docent.id, title: 'Webinar testautomatisering voor docenten', date: dateAddDays(today, -30), hours: 2, contactHours: 1.5, primaryProcess: false, subjectSpecific: true,
      evidenceUrl: null, evidenceNote: '' },
  ]).returning({ id: recordTables.recordManualActivities.id });
  await tx.insert(recordTables.recordEntrySettings).values({ networkId, personId: docent.id, source: 'manual', sourceId: rows[0]!.id, visibleToLead: true });
}

// A placement round of teacher internships, still open: the demo's docentstage plus two more at
// companies (one place each), ranked by five teachers, so the coordinator can compare both modes.
async function seedPlacement(tx: Tx, networkId: string, coordinator: string): Promise<void> {
  const { placementRounds, placementRankings } = placementTables;
  const { offers } = offerTables;
  const companies = await tx.select().from(institutions).where(sql`${institutions.networkId} = ${networkId} and ${institutions.kind} = 'company'`);
  const byName = (name: string) => companies.find((c) => c.name === name);
  const extra = [
    { host: byName('Bouwbedrijf Van Dijk & Zonen'), title: 'Docentstage werkvoorbereiding in de bouw', iscedCodes: ['0732'] },
    { host: byName('Datawerk Software B.V.'), title: 'Docentstage in een scrumteam', iscedCodes: ['0613'] },
  ];
  for (const e of extra) {
    if (!e.host) continue;
    await tx.insert(offers).values({ networkId, hostInstitutionId: e.host.id, kind: 'teacher_internship', title: e.title, description: 'Vijf dagdelen meedraaien in het bedrijf.', iscedCodes: e.iscedCodes, onRequest: true, capacity: 1, creditedHours: '16', internshipForm: 'exploratory', createdBy: coordinator });
  }
  const internships = (await tx.select({ id: offers.id }).from(offers).where(sql`${offers.networkId} = ${networkId} and ${offers.kind} = 'teacher_internship'`)).map((o) => o.id);
  if (internships.length === 0) return;
  const [round] = await tx.insert(placementRounds).values({ networkId, title: 'Docentstages voorjaar', maxRanks: 3, offerIds: internships, createdBy: coordinator }).returning();
  const teachers = [...new Set((await tx.select({ personId: memberships.personId, email: people.email }).from(memberships).innerJoin(people, eq(people.id, memberships.personId))
    .where(sql`${memberships.networkId} = ${networkId} and ${memberships.role} = 'teacher' and ${people.email} <> ${`docent@${DEMO_DOMAIN}`}`)
    .orderBy(people.email)).map((t) => t.personId))].slice(0, 5);
  // Everyone wants the first internship most; the rest in turns, so the two modes differ.
  const rankings = teachers.map((teacherId, i) => ({ networkId, roundId: round!.id, teacherId, offerIds: [internships[0]!, ...internships.slice(1).slice(i % 2).concat(internships.slice(1).slice(0, i % 2))].slice(0, 3) }));
  if (rankings.length) await tx.insert(placementRankings).values(rankings);
}

// Participants' evaluations ("Hoe waardevol was dit voor je werk?" 1–5, "Wat neem je mee?") of last
// week's company visit, speeddate and the ended co-creation session. The demo docent has not answered
// yet: at the company visit two colleagues did, so the docent's answer is the third that makes its
// figures show; at the speeddate and the co-creation session enough answered for figures at once.
async function seedEvaluations(tx: Tx, networkId: string, now: Date): Promise<void> {
  const docent = `docent@${DEMO_DOMAIN}`;
  const answers: { score: number; takeaway: string }[] = [
    { score: 5, takeaway: 'Ik laat studenten voortaan zelf een sensor uitproberen.' },
    { score: 4, takeaway: 'Een gastspreker uit het bedrijf voor periode 3.' },
    { score: 4, takeaway: '' },
    { score: 5, takeaway: 'Contact voor stageplekken gelegd.' },
    { score: 3, takeaway: 'Meer tijd voor vragen zou helpen.' },
    { score: 4, takeaway: 'Echte opdrachten uit de praktijk in mijn les.' },
    { score: 5, takeaway: '' },
    { score: 4, takeaway: 'Beter beeld van wat werkgevers vragen.' },
  ];
  const items = [
    { source: 'company_visit', rows: await tx.execute<{ item: string; person: string }>(sql`
      select distinct o.id as item, r.person_id as person, p.email from offers o join offer_sessions s on s.offer_id = o.id and s.end_at < ${now}
        join offer_registrations r on r.session_id = s.id and r.status = 'confirmed' join people p on p.id = r.person_id
      where o.network_id = ${networkId} and o.kind = 'company_visit' and p.email <> ${docent} order by p.email`) },
    { source: 'speeddate_event', rows: await tx.execute<{ item: string; person: string }>(sql`
      select e.id as item, sp.person_id as person from speeddate_events e join speeddate_participants sp on sp.event_id = e.id and sp.status = 'arrived'
        join people p on p.id = sp.person_id
      where e.network_id = ${networkId} and e.start_at < ${now} and p.email <> ${docent} order by sp.role, p.email limit 7`) },
    { source: 'cocreation_session', rows: await tx.execute<{ item: string; person: string }>(sql`
      select s.id as item, cp.person_id as person from cocreation_sessions s join cocreation_participants cp on cp.session_id = s.id and cp.person_id is not null
        join people p on p.id = cp.person_id
      where s.network_id = ${networkId} and s.step = 6 and p.email <> ${docent} order by p.email limit 8`) },
  ];
  for (const { source, rows } of items) {
    for (const [i, r] of rows.rows.entries()) {
      const a = answers[(i + source.length) % answers.length]!;
      await tx.execute(sql`insert into practice_evaluations (network_id, source, item_id, person_id, score, takeaway, created_at, updated_at)
        values (${networkId}, ${source}, ${r.item}, ${r.person}, ${a.score}, ${a.takeaway}, ${now}, ${now}) on conflict do nothing`);
    }
  }
}
