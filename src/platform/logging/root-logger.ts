import pino, { type Logger } from 'pino';
import type { AppConfig } from '../../config/index.js';

/** Request and response fields that may carry credentials; pino writes `[Redacted]` in their place. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  // Credentials never reach the logs, even if a body or an error object is logged whole.
  'password',
  '*.password',
  'email',
  '*.email',
];

/** JSON lines on stdout; the same settings before Nest starts (migrations) and inside it. */
export const createRootLogger = (config: AppConfig): Logger =>
  pino({
    level: config.logLevel,
    base: { service: 'filmlog', role: config.role },
    redact: REDACTED_PATHS,
    timestamp: pino.stdTimeFunctions.isoTime,
  });
