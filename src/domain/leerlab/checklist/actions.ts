import { AppError } from '../../../lib/errors.ts';
import { zonedDate } from '../../../lib/time.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { translate } from '../messages.ts';
import { loadLeerlabFor } from '../leerlab/actions.ts';
import { listItems, getItem, listUnremindedItems } from './data.ts';
import { createItem, updateItem } from './mutations.ts';
import { checklistNeedsReminder, checklistOverdue } from './rules.ts';
import { financingSchema, type ChecklistItem } from './schema.ts';

function ownerAllowed(staff: { personId: string }[], ownerId: string | null | undefined, actorId: string) {
  // An owner is one of the leerlab's people (or the coordinator who sets it).
  if (ownerId && ownerId !== actorId && !staff.some((s) => s.personId === ownerId)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'ownerId', code: 'LEERLAB_OWNER_NOT_STAFF' }] });
}

export async function readChecklist(deps: Deps, actor: Actor, networkId: string, id: string): Promise<ChecklistItem[]> {
  const { nid } = await loadLeerlabFor(deps, actor, networkId, id, 'staff');
  const today = zonedDate(deps.now());
  return (await listItems(deps.db, nid, id)).map(({ item, ownerName }) => ({
    id: item.id, kind: item.kind as ChecklistItem['kind'], title: item.title, ownerId: item.ownerId, ownerName, dueDate: item.dueDate,
    status: item.status as ChecklistItem['status'], note: item.note,
    financing: item.kind === 'financing' ? financingSchema.parse(item.financing ?? {}) : null,
    overdue: checklistOverdue(item, today), remindedAt: item.remindedAt?.toISOString() ?? null,
  }));
}

export async function addChecklistItem(deps: Deps, actor: Actor, networkId: string, id: string, input: { title: string; ownerId: string | null; dueDate: string | null }) {
  const { nid, staff } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  ownerAllowed(staff, input.ownerId, actor.personId);
  await deps.db.transaction(async (tx) => {
    const itemId = await createItem(tx, nid, { leerlabId: id, ...input });
    await recordAudit(tx, nid, actor.personId, 'create', 'leerlab_checklist_item', itemId, null);
  });
  return readChecklist(deps, actor, networkId, id);
}

export async function changeChecklistItem(
  deps: Deps, actor: Actor, networkId: string, id: string, itemId: string,
  input: { title?: string | undefined; ownerId?: string | null | undefined; dueDate?: string | null | undefined; status?: string | undefined; note?: string | undefined; financing?: unknown },
) {
  const { nid, staff } = await loadLeerlabFor(deps, actor, networkId, id, 'coordinator');
  const item = await getItem(deps.db, nid, id, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  ownerAllowed(staff, input.ownerId, actor.personId);
  if (input.financing !== undefined && item.kind !== 'financing') throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'financing', code: 'LEERLAB_NOT_FINANCING' }] });
  // A new owner or due date earns a new reminder.
  const remind = input.ownerId !== undefined || input.dueDate !== undefined ? { remindedAt: null } : {};
  await deps.db.transaction(async (tx) => {
    await updateItem(tx, nid, itemId, { ...input, ...remind } as Parameters<typeof updateItem>[3]);
    await recordAudit(tx, nid, actor.personId, 'update', 'leerlab_checklist_item', itemId, { fields: Object.keys(input) });
  });
  return readChecklist(deps, actor, networkId, id);
}

/** Hourly: owners of open items due within a week hear about them once. */
export async function sendChecklistReminders(deps: Deps): Promise<number> {
  const today = zonedDate(deps.now());
  const due = (await listUnremindedItems(deps.db)).filter((r) => checklistNeedsReminder(r.item, today));
  const ids: string[] = [];
  for (const r of due) {
    const nid = policyRowNetwork(r.item.networkId, 'job');
    const locale = r.ownerLocale === 'en' ? 'en' : 'nl';
    await deps.db.transaction(async (tx) => {
      ids.push(await createOutboxMessage(tx, {
        networkId: nid, to: r.ownerEmail,
        subject: translate(locale, 'MAIL_CHECKLIST_SUBJECT', { leerlab: r.leerlabName, item: r.item.title }),
        text: translate(locale, 'MAIL_CHECKLIST_TEXT', { name: r.ownerName, leerlab: r.leerlabName, item: r.item.title, due: r.item.dueDate ?? '' }),
      }));
      await updateItem(tx, nid, r.item.id, { remindedAt: deps.now() });
    });
  }
  await deliverMail(deps, ids);
  return ids.length;
}
