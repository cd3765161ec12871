import { DataSource, type DataSourceOptions } from 'typeorm';

/** Read-model entities; features add theirs here. */
export const entities: NonNullable<DataSourceOptions['entities']> = [];

/**
 * The migrations come from the composition root (src/features.ts): this folder names no feature.
 * The server's own data source needs none, since it never migrates through TypeORM's module.
 */
export const createDataSource = (url: string, migrations: DataSourceOptions['migrations'] = []): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  });
