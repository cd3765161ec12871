export * from './app-config.js';
export * from './config.module.js';
export { DEVELOPMENT_JWT_SECRET } from './environment.schema.js';
export { loadConfig } from './load-config.js';
