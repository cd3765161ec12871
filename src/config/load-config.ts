import { parseConfig, type AppConfig } from './app-config.js';

/** The one place that reads process.env. */
export const loadConfig = (): AppConfig => parseConfig(process.env);
