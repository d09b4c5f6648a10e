import type { Harness } from '../../support/harness.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { recordEntrySettings, recordEvidenceFiles, recordFollowUps, recordManualActivities } from '../../../src/db/schema/index.ts';
import { issueRecordCredential } from '../../../src/domain/record/credential/issue-credential.ts';

// Test helpers for the record: a teacher's hand-added activity and its evidence file, an issued badge, an open lasting-effect question.

export function teacherActor(networkId: string, personId: string, institutionId: string): Actor {
  return { personId, name: 'Docent', email: `${personId}@example.nl`, locale: 'nl', memberships: [{ networkId, institutionId, role: 'teacher' }] };
}

export async function makeManualActivity(h: Harness, networkId: string, personId: string, values: Partial<typeof recordManualActivities.$inferInsert> = {}) {
  const [row] = await h.deps.db.insert(recordManualActivities).values({
    networkId, personId, title: 'Webinar formatief handelen', date: '2026-10-01', hours: 4, contactHours: 2, primaryProcess: true, ...values,
  }).returning();
  return row!.id;
}

export async function makeCredential(h: Harness, networkId: string, personId: string, institutionId: string) {
  const activity = await makeManualActivity(h, networkId, personId);
  const issued = await issueRecordCredential(h.deps, teacherActor(networkId, personId, institutionId), networkId, 'manual', activity, 'nl');
  return issued.id;
}

export async function makeFollowUp(h: Harness, networkId: string, personId: string) {
  const [row] = await h.deps.db.insert(recordFollowUps).values({
    networkId, personId, source: 'manual', sourceId: crypto.randomUUID(), title: 'Masterclass', activityDate: '2026-06-01', askedAt: new Date(),
  }).returning();
  return row!.id;
}

/** A small valid PDF's bytes, for uploads. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A hand-added activity with one evidence file (stored directly), optionally shown to the team lead. */
export async function makeEvidenceFile(h: Harness, networkId: string, personId: string, visibleToLead = false) {
  const activityId = await makeManualActivity(h, networkId, personId);
  if (visibleToLead) await h.deps.db.insert(recordEntrySettings).values({ networkId, personId, source: 'manual', sourceId: activityId, visibleToLead: true });
  const [row] = await h.deps.db.insert(recordEvidenceFiles).values({
    networkId, personId, activityId, name: 'bewijs.pdf', type: 'application/pdf', size: PDF_BYTES.length, bytes: PDF_BYTES,
  }).returning();
  return { activityId, fileId: row!.id };
}
