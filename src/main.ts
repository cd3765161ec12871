import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig, type AppConfig } from './config/index.js';
import { ensureDatabase, migrateDatabase } from './database/migrator.js';
import { migrations } from './features.js';
import { anyAddress, createHttpAdapter } from './platform/http/http-adapter.js';
import { initHttpApp } from './platform/http/init-http-app.js';
import { createRootLogger } from './platform/logging/root-logger.js';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
    process.exit(1);
  }
}

async function prepareDatabase(config: AppConfig, logger: Logger): Promise<void> {
  if (!config.migrationsRun) return;
  await ensureDatabase(config.databaseUrl);
  const applied = await migrateDatabase(config.databaseUrl, migrations);
  logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema is up to date');
}

/** Nest drains requests and stops the engine on a signal; this bounds how long that may take. */
function boundShutdown(config: AppConfig, logger: Logger): void {
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
    });
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config);
  try {
    await prepareDatabase(config, logger);
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config),
      createHttpAdapter(config),
      { bufferLogs: true },
    );
    await initHttpApp(app, config);
    app.enableShutdownHooks([...SHUTDOWN_SIGNALS], { useProcessExit: true });
    boundShutdown(config, logger);
    await app.listen(config.port, anyAddress());
    logger.info({ port: config.port, eventStore: config.eventStore.kind }, 'filmlog is serving');
  } catch (error) {
    logger.fatal({ err: error }, 'filmlog could not start');
    process.exit(1);
  }
}

void main();
