export * from './event-store.port.js';
export * from './errors.js';
export * from './postgres/postgres-event-store.migration.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export * from './create-event-store.js';
