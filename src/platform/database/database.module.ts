import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { createDataSource } from '../../database/data-source.js';

/** pg.Pool on the primary (DATABASE_URL): the projection engine, its monitor and health checks. */
export const READ_MODEL_POOL = Symbol('READ_MODEL_POOL');
/** pg.Pool on DATABASE_READ_URL (a replica when configured): SQL of query handlers. */
export const QUERY_POOL = Symbol('QUERY_POOL');

const CONNECT_TIMEOUT_MS = 5000;

/**
 * The process id in the connection's application_name tells an operator (and the fault tests)
 * which process holds which projection's advisory lock in pg_stat_activity.
 */
const processName = (config: AppConfig, purpose?: string): string =>
  ['filmlog', config.role, purpose, process.pid].filter((part) => part !== undefined).join('-');

const createPool = (connectionString: string, applicationName: string, max: number): pg.Pool => {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: applicationName,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  const logger = new Logger('Database');
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  return pool;
};

@Injectable()
class PoolsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly readModelPool: pg.Pool,
    @Inject(QUERY_POOL) private readonly queryPool: pg.Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.readModelPool.end(), this.queryPool.end()]);
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...createDataSource(config.databaseUrl).options,
        extra: { max: config.databasePoolSize },
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [
    {
      provide: READ_MODEL_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createPool(config.databaseUrl, processName(config), config.databasePoolSize),
    },
    {
      provide: QUERY_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createPool(config.databaseReadUrl, processName(config, 'queries'), config.databasePoolSize),
    },
    PoolsCloser,
  ],
  exports: [READ_MODEL_POOL, QUERY_POOL],
})
export class DatabaseModule {}
