export * from './foundation.ts';
export * from './calendar.ts';
export * from './exchange.ts';
export * from './learner-report.ts';
export * from './offer.ts';
export * from './cocreation.ts';
export * from './record.ts';
export * from './example.ts';
