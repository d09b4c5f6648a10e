import type { WebModule } from '../../app/web-module.ts';
import { TimetablePage } from './timetable/timetable-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Timetables and free time, shared by every practice that schedules. Its messages keep the
// `exchange.` prefix they were born with (exchange.timetable, exchange.weekday, …).
export const calendarWebModule: WebModule = {
  name: 'calendar',
  routes: [{ path: '/rooster', element: <TimetablePage />, access: 'session' }],
  menu: [{ to: '/rooster', label: 'nav.timetable', order: 40, show: ({ caps }) => caps.roles.includes('teacher') }],
  messages: { nl, en },
};
