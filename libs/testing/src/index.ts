export * from './database.js';
export * from './events.js';
export * from './ports.js';
