import { calendarModule } from '../../../domain/calendar/module.ts';
import { serverAreaCreate } from '../../area.ts';
import { timetableRoutes } from './timetable.ts';

export const calendar = serverAreaCreate(calendarModule, timetableRoutes);
