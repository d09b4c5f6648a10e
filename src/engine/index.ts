export * from './typology/index.ts';
