export * from './event-store.port.js';
export * from './errors.js';
export * from './postgres/postgres-event-store.migration.js';
