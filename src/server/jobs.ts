import type { Deps } from '../domain/auth/types.ts';
import type { JobHandler, JobName } from '../lib/jobs.ts';
import { executeMatchingRun } from '../domain/match/actions.ts';
import { refreshTimetableFeeds } from '../domain/timetable/actions.ts';
import { sendScheduledReminders } from '../domain/edition/actions.ts';
import { sendLearnerReportReminders } from '../domain/learner-report/send-reminders.ts';

/** What each background job does; the queue itself is in src/lib/jobs.ts. */
export function jobHandlersCreate(deps: Deps): Partial<Record<JobName, JobHandler>> {
  return {
    'matching-run': async (data) => executeMatchingRun(deps, String(data.runId)),
    'edition-reminders': async () => {
      await sendScheduledReminders(deps);
      await sendLearnerReportReminders(deps, deps.now());
      await refreshTimetableFeeds(deps);
    },
  };
}
