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

const rootLoggers = new WeakMap<AppConfig, Logger>();

/**
 * JSON lines on stdout; the same settings before Nest starts (migrations) and inside it.
 * Written asynchronously: lines logged while a write is under way go out together in the next
 * one, so a busy server makes one write for many requests instead of one each (pino still
 * flushes what is pending when the process exits).
 */
export const createRootLogger = (config: AppConfig): Logger => {
  // main.ts (before Nest) and the logging module ask with the same configuration: one destination
  // on stdout, so two asynchronous writers never split each other's lines.
  const existing = rootLoggers.get(config);
  if (existing) return existing;
  const logger = pino(
    {
      level: config.logLevel,
      base: { service: 'filmlog', role: config.role },
      redact: REDACTED_PATHS,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ dest: config.logFile ?? 1, sync: false, mkdir: config.logFile !== null }),
  );
  rootLoggers.set(config, logger);
  return logger;
};
