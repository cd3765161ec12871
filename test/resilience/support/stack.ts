import { ensureDatabase, migrateDatabase } from '../../../src/database/migrator.js';
import { migrations } from '../../../src/features.js';
import { buildIfStale } from '#testing';
import { Client, LOAD_ENV } from './mixed-load.js';
import { PrivatePostgres } from './private-postgres.js';
import { PrivateRedis } from './private-redis.js';
import { ReadModels } from './read-models.js';
import { ServiceProcess, type Role } from './service-process.js';

const DATABASE = 'filmlog';

/**
 * A whole deployment on this machine for one test: its own PostgreSQL and Redis servers, a
 * migrated database, and service processes in the roles the test asks for.
 */
export class Stack {
  readonly processes: ServiceProcess[] = [];
  readonly readModels: ReadModels;

  private constructor(
    readonly postgres: PrivatePostgres,
    readonly redis: PrivateRedis,
    private readonly extraEnv: Readonly<Record<string, string>>,
  ) {
    this.readModels = new ReadModels(this.databaseUrl);
  }

  static async start(extraEnv: Readonly<Record<string, string>> = {}): Promise<Stack> {
    buildIfStale();
    const postgres = await PrivatePostgres.start();
    const redis = await PrivateRedis.start();
    const url = postgres.url(DATABASE);
    await ensureDatabase(url);
    await migrateDatabase(url, migrations);
    return new Stack(postgres, redis, extraEnv);
  }

  get databaseUrl(): string {
    return this.postgres.url(DATABASE);
  }

  env(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    return {
      ...LOAD_ENV,
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      MIGRATIONS_RUN: 'false',
      ...this.extraEnv,
      ...extra,
    };
  }

  async startProcess(role: Role, extra: Readonly<Record<string, string>> = {}): Promise<ServiceProcess> {
    const service = await ServiceProcess.start(role, {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      ...this.env(extra),
    });
    this.processes.push(service);
    return service;
  }

  client(service: ServiceProcess): Client {
    return new Client(service.baseUrl);
  }

  /** Everything stopped and deleted, whatever state the test left it in. */
  async destroy(): Promise<void> {
    await Promise.all(this.processes.map((service) => service.kill()));
    await this.readModels.close().catch(() => undefined);
    await this.redis.destroy();
    this.postgres.destroy();
  }
}
