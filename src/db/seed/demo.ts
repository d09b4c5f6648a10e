import { hash } from '@node-rs/argon2';
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  networks, institutions, locations, programmes, people, memberships, personProgrammes, timetableBlocks, editions, editionInstitutions, editionInvites, registrations,
  learnerReports,
} from '../schema/index.ts';
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

function uniqueName(random: () => number, used: Set<string>): string {
  for (;;) {
    const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
