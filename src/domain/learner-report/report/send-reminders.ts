import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import type { Deps } from '../../foundation/auth/types.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { zonedDate } from '../../../lib/time.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { listReminderRecipients, listReportPeriods } from './data.ts';
import { createNotification, createReminderOnce } from './mutations.ts';
import { learnerReportRemindersDue } from './rules.ts';

// The learner-report rhythm: when a teacher's period has ended (a draft report whose end date
// has passed), or — without an open report — every seven weeks since their last period, an
// in-app notification and an e-mail. Idempotent: each reminder has a key that is stored once,
// so running this every hour (or twice at once) sends each reminder at most once.

function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Sends the reminders that are due at `now`; returns how many were created. Called hourly by the server. */
export async function sendLearnerReportReminders(deps: Deps, now: Date): Promise<{ reminders: number }> {
  const today = zonedDate(now);
  const reports = await listReportPeriods(deps.db);
  const baseUrl = (deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`).replace(/\/$/, '');
  const mailIds: string[] = [];
  let created = 0;
  for (const person of await listReminderRecipients(deps.db)) {
    const own = reports.filter((r) => r.networkId === person.networkId && r.personId === person.personId);
    const locale: Locale = person.locale === 'en' ? 'en' : 'nl';
    for (const due of learnerReportRemindersDue(own, person.joined, today)) {
      const nid = policyRowNetwork(person.networkId, 'job');
      const mailId = await deps.db.transaction(async (tx) => {
        if (!(await createReminderOnce(tx, nid, person.personId, due.key, now))) return null;
        await createNotification(tx, nid, person.personId, due.kind, { reportId: due.reportId, periodEnd: due.periodEnd }, now);
        const link = due.reportId ? `${baseUrl}/leerrapporten/${due.reportId}` : `${baseUrl}/leerrapporten`;
        return createOutboxMessage(tx, {
          networkId: nid,
          to: person.email,
          subject: translate(locale, `MAIL_${due.kind}_SUBJECT`),
          text: translate(locale, `MAIL_${due.kind}_TEXT`, { name: person.name, end: due.periodEnd ? formatDate(due.periodEnd, locale) : '', link }),
        });
      });
      if (mailId) {
        created++;
        mailIds.push(mailId);
      }
    }
  }
  await deliverMail(deps, mailIds);
  return { reminders: created };
}
