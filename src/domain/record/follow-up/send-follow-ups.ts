import type { Deps } from '../../foundation/auth/types.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { policyRowNetwork } from '../../foundation/auth/policy.ts';
import { dateAddDays, zonedDate } from '../../../lib/time.ts';
import { createOutboxMessage } from '../../foundation/mail/mutations.ts';
import { deliverMail } from '../../foundation/mail/actions.ts';
import { learnerReportNotify } from '../../learner-report/public.ts';
import { translate } from '../messages.ts';
import { createFollowUpOnce } from './mutations.ts';
import { listFollowUpRecipients } from './data.ts';

// The lasting-effect question: once an activity is `followUpDays` old (three months by default,
// per network), the teacher gets the learner report's question of doorwerking by e-mail and in
// the app. Idempotent (one row per activity), so the hourly tick may run it twice. Activities more
// than a year past their due day are not asked about any more.

export async function sendFollowUps(deps: Deps): Promise<{ asked: number }> {
  const now = deps.now();
  const today = zonedDate(now);
  const base = (deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`).replace(/\/$/, '');
  const mailIds: string[] = [];
  for (const person of await listFollowUpRecipients(deps.db)) {
    const nid = policyRowNetwork(person.networkId, 'job');
    const locale: Locale = person.locale === 'en' ? 'en' : 'nl';
    const activities = (await Promise.all(deps.ports.recordActivitySources.map((s) => s.list(deps, nid, person.personId)))).flat();
    for (const a of activities) {
      const due = dateAddDays(a.date, person.followUpDays);
      if (a.hours <= 0 || due > today || dateAddDays(due, 365) < today) continue;
      const mailId = await deps.db.transaction(async (tx) => {
        const id = await createFollowUpOnce(tx, nid, person.personId, { source: a.source, sourceId: a.sourceId, title: a.title, activityDate: a.date }, now);
        if (!id) return null;
        await learnerReportNotify(tx, nid, person.personId, 'RECORD_FOLLOW_UP', { followUpId: id, title: a.title }, now);
        return createOutboxMessage(tx, {
          networkId: nid, to: person.email,
          subject: translate(locale, 'MAIL_FOLLOW_UP_SUBJECT', { title: a.title }),
          text: translate(locale, 'MAIL_FOLLOW_UP_TEXT', { name: person.name, title: a.title, link: `${base}/dossier/doorwerking/${id}` }),
        });
      });
      if (mailId) mailIds.push(mailId);
    }
  }
  await deliverMail(deps, mailIds);
  return { asked: mailIds.length };
}
