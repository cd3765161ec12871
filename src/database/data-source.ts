import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

/** Read-model entities; features add theirs here. */
export const entities: NonNullable<DataSourceOptions['entities']> = [];

export const createDataSource = (url: string): DataSource =>
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
