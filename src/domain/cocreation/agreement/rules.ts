import { dateAddDays } from '../../../lib/time.ts';

/** Days before the due date on which the owner gets the first reminder. */
export const AGREEMENT_REMIND_DAYS_BEFORE = 7;

/** Which reminder is due today for an agreement (none, the one a week before, or the one on the day). */
export function agreementReminderDue(
  agreement: { dueDate: string; remindedBeforeAt: Date | null; remindedDueAt: Date | null },
  today: string,
): 'before' | 'due' | null {
  if (!agreement.remindedDueAt && today >= agreement.dueDate) return 'due';
  if (!agreement.remindedBeforeAt && !agreement.remindedDueAt && today >= dateAddDays(agreement.dueDate, -AGREEMENT_REMIND_DAYS_BEFORE)) return 'before';
  return null;
}
