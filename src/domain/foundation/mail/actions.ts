import type { Deps, Actor } from '../auth/types.ts';
import { policyAuthorize } from '../auth/policy.ts';
import { getOutboxMessages, listOutbox } from './data.ts';
import { updateOutboxStatus } from './mutations.ts';
import type { OutboxMessage } from './schema.ts';

/**
 * Sends stored messages over SMTP when a mailer is configured. Every message stays in the
 * outbox with its status, so a failed delivery is visible to a beheerder, never lost.
 */
export async function deliverMail(deps: Deps, ids: string[]): Promise<void> {
  if (!deps.mailer || ids.length === 0) return;
  for (const message of await getOutboxMessages(deps.db, ids)) {
    try {
      await deps.mailer.send({
        to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined,
        icalEvent: message.ical ? { method: message.icalMethod ?? 'REQUEST', content: message.ical } : undefined,
      });
      await updateOutboxStatus(deps.db, message.id, 'sent', null, deps.now());
    } catch (error) {
      deps.log.warn({ err: error, to: message.to }, 'mail delivery failed');
      await updateOutboxStatus(deps.db, message.id, 'failed', String((error as Error).message ?? error), deps.now());
    }
  }
}

export async function listOutboxMessages(deps: Deps, actor: Actor, networkId: string): Promise<OutboxMessage[]> {
  const authorized = policyAuthorize(actor, networkId, 'outbox:read');
  const rows = await listOutbox(deps.db, authorized);
  return rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    status: r.status as OutboxMessage['status'],
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  }));
}
