import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { RequestLog } from './request-log.js';
import { createRootLogger } from './root-logger.js';

/**
 * nestjs-pino for Nest's own logs and the injected PinoLogger; no request middleware (that would
 * run through Fastify's Express-compat layer): requests are logged by RequestLog from a Fastify
 * hook, which initHttpApp adds.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: { logger: createRootLogger(config) },
        forRoutes: [],
      }),
    }),
  ],
  providers: [RequestLog],
  exports: [RequestLog],
})
export class LoggingModule {}
