export * from './database.js';
export * from './events.js';
export * from './ports.js';
export * from './projection-site.js';
export * from './built-cli.js';
export * from './letterboxd-export.js';
export * from './migration-spec.js';
