import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import {
  leerlabs, leerlabPartners, leerlabStaff, leerlabPeriods, leerlabParts, leerlabClasses, leerlabClosedDays, leerlabChecklistItems,
} from '../../../db/schema/index.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';

export async function createLeerlab(tx: Tx, networkId: AuthorizedNetworkId, values: Omit<typeof leerlabs.$inferInsert, 'networkId' | 'id'>) {
  const [row] = await tx.insert(leerlabs).values({ ...values, networkId }).returning({ id: leerlabs.id });
  return row!.id;
}

export async function updateLeerlab(tx: Tx, networkId: AuthorizedNetworkId, id: string, values: Partial<typeof leerlabs.$inferInsert>, now: Date) {
  await tx.update(leerlabs).set({ ...values, updatedAt: now }).where(and(eq(leerlabs.networkId, networkId), eq(leerlabs.id, id)));
}

export async function createPartners(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, partners: { institutionId: string; side: string }[]) {
  if (partners.length) await tx.insert(leerlabPartners).values(partners.map((p) => ({ ...p, networkId, leerlabId }))).onConflictDoNothing();
}

export async function replaceStaff(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, staff: { personId: string; role: string }[]) {
  await tx.delete(leerlabStaff).where(and(eq(leerlabStaff.networkId, networkId), eq(leerlabStaff.leerlabId, leerlabId)));
  if (staff.length) await tx.insert(leerlabStaff).values(staff.map((s) => ({ ...s, networkId, leerlabId }))).onConflictDoNothing();
}

export async function createPeriods(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, periods: { name: string; startDate: string; endDate: string }[]) {
  if (periods.length) await tx.insert(leerlabPeriods).values(periods.map((p) => ({ ...p, networkId, leerlabId })));
}

export async function createParts(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, parts: { name: string; hours: number }[]) {
  if (parts.length) await tx.insert(leerlabParts).values(parts.map((p, i) => ({ ...p, position: i, networkId, leerlabId })));
}

export async function createClass(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, name: string) {
  const [row] = await tx.insert(leerlabClasses).values({ networkId, leerlabId, name }).returning({ id: leerlabClasses.id });
  return row!.id;
}

export async function updateClassLessons(tx: Tx, networkId: AuthorizedNetworkId, classId: string, lessons: unknown[]) {
  await tx.update(leerlabClasses).set({ lessons }).where(and(eq(leerlabClasses.networkId, networkId), eq(leerlabClasses.id, classId)));
}

export async function replaceClosedDays(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, days: { date: string; kind: string; label: string }[]) {
  await tx.delete(leerlabClosedDays).where(and(eq(leerlabClosedDays.networkId, networkId), eq(leerlabClosedDays.leerlabId, leerlabId)));
  if (days.length) await tx.insert(leerlabClosedDays).values(days.map((d) => ({ ...d, networkId, leerlabId }))).onConflictDoNothing();
}

export async function addClosedDays(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, days: { date: string; kind: string; label: string }[]) {
  if (days.length === 0) return 0;
  const rows = await tx.insert(leerlabClosedDays).values(days.map((d) => ({ ...d, networkId, leerlabId }))).onConflictDoNothing().returning({ date: leerlabClosedDays.date });
  return rows.length;
}

export async function createChecklistItems(tx: Tx, networkId: AuthorizedNetworkId, leerlabId: string, items: { kind: string; title: string; dueDate: string | null; ownerId: string | null }[]) {
  if (items.length) await tx.insert(leerlabChecklistItems).values(items.map((i) => ({ ...i, networkId, leerlabId })));
}
