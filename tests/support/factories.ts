import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/db/client.ts';
import { networks, institutions, locations, programmes, people, memberships, invitations, personProgrammes } from '../../src/db/schema/index.ts';
import type { Role } from '../../src/domain/foundation/person/schema.ts';
import { tokenHash } from '../../src/domain/foundation/auth/rules.ts';

// Test factories write straight to the database and create missing parents.

export const PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeNetwork(db: Db, name = `Netwerk ${next()}`) {
  const [row] = await db.insert(networks).values({ name, slug: `n-${next()}` }).returning();
  return row!;
}

export async function makeInstitution(db: Db, networkId: string, values: Partial<typeof institutions.$inferInsert> = {}) {
  const [row] = await db.insert(institutions).values({ networkId, name: `Instelling ${next()}`, kind: 'mbo', ...values }).returning();
  return row!;
}

export async function makeLocation(db: Db, networkId: string, institutionId: string) {
  const [row] = await db
    .insert(locations)
    .values({ networkId, institutionId, name: `Locatie ${next()}`, address: 'Straat 1', postcode: '3511 AB', city: 'Utrecht' })
    .returning();
  return row!;
}

export async function makeProgramme(db: Db, networkId: string, institutionId: string, values: Partial<typeof programmes.$inferInsert> = {}) {
  const [row] = await db
    .insert(programmes)
    .values({ networkId, institutionId, name: `Opleiding ${next()}`, iscedCode: '0613', level: 'mbo-4', ...values })
    .returning();
  return row!;
}

export async function makePerson(
  db: Db,
  networkId: string,
  role: Role,
  institutionId: string | null,
  options: { email?: string; withPassword?: boolean; programmeIds?: string[] } = {},
) {
  passwordHash ??= hash(PASSWORD);
  const email = options.email ?? `${role}.${next()}@example.nl`;
  const [person] = await db
    .insert(people)
    .values({ email, name: `Persoon ${next()}`, passwordHash: options.withPassword === false ? null : await passwordHash })
    .returning();
  await db.insert(memberships).values({ networkId, personId: person!.id, institutionId, role });
  if (options.programmeIds?.length) {
    await db.insert(personProgrammes).values(options.programmeIds.map((programmeId) => ({ networkId, personId: person!.id, programmeId })));
  }
  return person!;
}

export async function makeInvitation(db: Db, networkId: string, institutionId: string | null, token = `token-${next()}-${next()}-abcdefgh`) {
  const [row] = await db
    .insert(invitations)
    .values({
      networkId, institutionId, email: `invitee.${next()}@example.nl`, name: 'Genodigde', role: institutionId ? 'teacher' : 'network_coordinator',
      tokenHash: tokenHash(token), expiresAt: new Date(Date.now() + 7 * 86400_000),
    })
    .returning();
  return { ...row!, token };
}

import { randomUUID } from 'node:crypto';
import { learnerReports, learnerReportRevisions, learnerReportShares } from '../../src/db/schema/index.ts';

/** A learner report written straight to the database (with its first revision). */
export async function makeLearnerReport(
  db: Db,
  networkId: string,
  personId: string,
  values: {
    periodStart?: string;
    periodEnd?: string;
    status?: 'draft' | 'completed';
    inventory?: string[];
    activities?: Partial<{ id: string; title: string; type: string | null; learningOutcomes: string; impact: string; explanation: string; goal: string }>[];
  } = {},
) {
  const periodStart = values.periodStart ?? '2026-09-01';
  const periodEnd = values.periodEnd ?? '2026-10-19';
  const status = values.status ?? 'draft';
  const content = {
    inventory: values.inventory ?? ['Teamvergadering over het nieuwe onderwijsmodel'],
    activities: (values.activities ?? [{}]).map((a, i) => ({
      id: a.id ?? randomUUID(),
      title: a.title ?? `Activiteit ${i + 1}`,
      description: { goal: a.goal ?? 'Samen de lessen verbeteren', involved: 'Collega’s', role: 'Deelnemer', setting: 'School' },
      learningOutcomes: a.learningOutcomes ?? 'Ik heb geleerd om feedback te geven.',
      impact: a.impact ?? 'Ik geef nu vaker feedback.',
      explanation: a.explanation ?? 'Door het gesprek met collega’s.',
      type: a.type === undefined ? 'TEACHING_COACHING' : a.type,
      typeSource: a.type === null ? null : 'chosen',
      suggestion: null,
      origin: null,
    })),
  };
  const [row] = await db
    .insert(learnerReports)
    .values({ networkId, personId, periodStart, periodEnd, status, content, completedAt: status === 'completed' ? new Date() : null })
    .returning();
  await db.insert(learnerReportRevisions).values({ networkId, reportId: row!.id, revision: 1, state: { periodStart, periodEnd, status, content } });
  return row!;
}

/** A share of a learner report with one reader. */
export async function makeLearnerReportShare(db: Db, networkId: string, reportId: string, personId: string) {
  const [row] = await db.insert(learnerReportShares).values({ networkId, reportId, personId }).returning();
  return row!;
}
