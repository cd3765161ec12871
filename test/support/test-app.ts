import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '#testing';
import type { Projection } from '#projections';
import { AppModule } from '../../src/app.module.js';
import { parseConfig, type AppConfig } from '../../src/config/index.js';
import { createHttpAdapter } from '../../src/platform/http/http-adapter.js';
import { initHttpApp } from '../../src/platform/http/init-http-app.js';
import { PROJECTIONS } from '../../src/platform/projections/projections.module.js';
import { projections as appProjections } from '../../src/features.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly env?: Record<string, string>;
  /** The application's own projections unless given. */
  readonly projections?: readonly Projection[];
  /** Another app's database, to run a second process on it; left in place on close. */
  readonly database?: TestDatabase;
  /** Test-only modules (e.g. a controller that throws on purpose). */
  readonly imports?: ModuleMetadata['imports'];
}

/** The real application stack (same modules, same HTTP setup as main.ts) on an isolated, migrated database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = parseConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    // Suites share one Redis; their rate-limit counters must not meet.
    REDIS_KEY_PREFIX: `${database.name}:`,
    // Two suites run at once on a server allowing 100 connections; each app holds about 3 pools.
    DATABASE_POOL_SIZE: '4',
    IMAGES_DIR: join(tmpdir(), 'filmlog-test-images', database.name),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
  })
    .overrideProvider(PROJECTIONS)
    .useValue(options.projections ?? appProjections)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
    bufferLogs: true,
  });
  await initHttpApp(app, config);
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
