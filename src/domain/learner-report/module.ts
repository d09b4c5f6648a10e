import type { AreaModule } from '../area-module.ts';
import * as tables from '../../db/schema/learner-report.ts';
import { learnerReportMessages } from './messages.ts';
import { sendLearnerReportReminders } from './report/send-reminders.ts';

// Learner reports: the research protocol's five questions, typology, sharing, team insight.
export const learnerReportModule: AreaModule = {
  name: 'learner-report',
  errors: {
    REVISION_CONFLICT: 409,
    LEARNER_REPORT_COMPLETED: 409,
  },
  messages: learnerReportMessages,
  tables,
  hourly: [(deps) => sendLearnerReportReminders(deps, deps.now())],
};
