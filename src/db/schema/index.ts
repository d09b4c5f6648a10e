export * from './organisation.ts';
export * from './account.ts';
export * from './timetable.ts';
export * from './exchange.ts';
export * from './learner-report.ts';
