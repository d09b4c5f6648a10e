import { learnerReportModule } from '../../../domain/learner-report/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { learnerReportRoutes } from './report.ts';

export const learnerReport = serverAreaCreate(learnerReportModule, learnerReportRoutes);
