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
  privacy: {
    tables: {
      learner_reports: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'The person\'s learner reports and their texts are removed.' },
      learner_report_revisions: { personColumns: [], through: { column: 'report_id', table: 'learner_reports', personColumn: 'person_id' }, erase: 'cascade', export: true, note: 'Earlier saved states of the person\'s reports, removed with them.' },
      learner_report_shares: { personColumns: ['person_id'], through: { column: 'report_id', table: 'learner_reports', personColumn: 'person_id' }, erase: 'delete', eraseBy: { report_id: 'cascade' }, export: true, note: 'Reports shared with the person, and the shares of the person\'s own reports.' },
      learner_report_reminders: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'Which reminders were sent.' },
      notifications: { personColumns: ['person_id'], erase: 'delete', export: true, note: 'In-app notifications for the person.' },
      typology_confirmations: { personColumns: [], through: { column: 'report_id', table: 'learner_reports', personColumn: 'person_id' }, erase: 'cascade', export: true, note: 'Confirmed activity types with text features (never the text), removed with the report.' },
    },
  },
  retention: {
    learner_report_revisions: { column: 'saved_at', setting: 'RETENTION_REPORT_REVISIONS_DAYS', note: 'Earlier saved states of a report older than the period are removed; the report itself stays.' },
  },
};
