import type { Deps } from '../../foundation/auth/types.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { translate } from '../messages.ts';
import { listParticipants, listSandwichSessionsBetween } from './data.ts';
import { createReminderOnce } from './mutations.ts';

const HOUR = 3_600_000;

/**
 * Hourly: a reminder per phase of the sandwich, once per participant. Before: from three days
 * ahead, to those without learning questions. During: at the start, a link to the notes. After:
 * in the week after, to write what the group takes back and its feedback, while either is empty.
 */
export async function sendSandwichReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  const sessions = await listSandwichSessionsBetween(deps.db, new Date(now.getTime() - 7 * 24 * HOUR), new Date(now.getTime() + 72 * HOUR));
  const mailIds: string[] = [];
  for (const { session, offer } of sessions) {
    const nid = policyRowNetwork(session.networkId, 'job');
    const phase = now < session.startAt ? 'before' : now < session.endAt ? 'during' : 'after';
    if (phase === 'after' && session.takeaways && session.feedback) continue;
    for (const p of await listParticipants(deps.db, nid, session.id)) {
      if (phase === 'before' && p.registration.learningQuestions) continue;
      const locale = p.locale === 'en' ? 'en' : 'nl';
      await deps.db.transaction(async (tx) => {
        if (!(await createReminderOnce(tx, nid, p.registration.id, phase, now))) return;
        mailIds.push(await createOutboxMessage(tx, {
          networkId: nid, to: p.email,
          subject: translate(locale, `MAIL_SANDWICH_${phase.toUpperCase()}_SUBJECT`, { title: offer.title }),
          text: translate(locale, `MAIL_SANDWICH_${phase.toUpperCase()}_TEXT`, { name: p.personName, title: offer.title, link: `${deps.config.PUBLIC_URL}/aanbod/sessie/${session.id}` }),
        }));
      });
    }
  }
  await deliverMail(deps, mailIds);
  return mailIds.length;
}
