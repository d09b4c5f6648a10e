import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import type { Deps } from '../../foundation/auth/types.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { dateAddDays, zonedDate } from '../../../lib/time.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { listAgreementsToRemind } from './data.ts';
import { updateAgreementReminded } from './mutations.ts';
import { agreementReminderDue, AGREEMENT_REMIND_DAYS_BEFORE } from './rules.ts';

// The hourly tick: owners of follow-up agreements get an e-mail a week before the due date and on
// it. Each reminder is claimed once in the database, so several app servers send it once.

function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export async function sendCocreationReminders(deps: Deps): Promise<{ reminders: number }> {
  const now = deps.now();
  const today = zonedDate(now);
  const mailIds: string[] = [];
  for (const agreement of await listAgreementsToRemind(deps.db, dateAddDays(today, AGREEMENT_REMIND_DAYS_BEFORE))) {
    const which = agreementReminderDue(agreement, today);
    if (!which) continue;
    const nid = policyRowNetwork(agreement.networkId, 'job');
    const locale: Locale = 'nl';
    const mailId = await deps.db.transaction(async (tx) => {
      if (!(await updateAgreementReminded(tx, nid, agreement.id, which, now))) return null;
      if (!agreement.ownerEmail) return null;
      const params = { name: agreement.ownerName, title: agreement.title, due: formatDate(agreement.dueDate, locale) };
      return createOutboxMessage(tx, {
        networkId: nid,
        to: agreement.ownerEmail,
        subject: translate(locale, `MAIL_COCREATION_AGREEMENT_${which.toUpperCase()}_SUBJECT`, params),
        text: translate(locale, `MAIL_COCREATION_AGREEMENT_${which.toUpperCase()}_TEXT`, params),
      });
    });
    if (mailId) mailIds.push(mailId);
  }
  await deliverMail(deps, mailIds);
  return { reminders: mailIds.length };
}
