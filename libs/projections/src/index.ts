export * from './projection-tables.migration.js';
