import pg from 'pg';
import { adminDatabaseUrl, quoteIdent, withAdminClient, withDatabaseName } from '#testing';
import { ensureDatabase, migrateDatabase, revertLastMigration } from './database/migrator.js';
import { migrations, projections } from './features.js';

const appliedNames = async (url: string): Promise<string[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
};

describe('migrator', () => {
  const name = `filmlog_t_${process.env.FILMLOG_TEST_RUN_ID}_migrator`;
  const url = withDatabaseName(adminDatabaseUrl(), name);
  const everyMigration = migrations.map((migration) => migration.name);

  afterAll(async () => {
    await withAdminClient((client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    );
  });

  it('creates a missing database, also when several processes start at once', async () => {
    await Promise.all([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);

    const { rowCount } = await withAdminClient((client) =>
      client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
    );
    expect(rowCount).toBe(1);
  });

  it('applies each migration once when processes migrate at the same time', async () => {
    const [first, second, third] = await Promise.all([
      migrateDatabase(url, migrations),
      migrateDatabase(url, migrations),
      migrateDatabase(url, migrations),
    ]);

    expect([...first!, ...second!, ...third!].sort()).toEqual([...everyMigration].sort());
    expect(await appliedNames(url)).toEqual(everyMigration);
  });

  it('reverts the most recent migration and names it', async () => {
    expect(await revertLastMigration(url, migrations)).toBe(everyMigration.at(-1));
    expect(await appliedNames(url)).toEqual(everyMigration.slice(0, -1));
    expect(await migrateDatabase(url, migrations)).toEqual(everyMigration.slice(-1));
  });

  it("finds each index a projection leaves to its readers on the projection's tables, and none unique", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; name: string; unique: boolean }>(
        `SELECT t.relname AS table, c.relname AS name, i.indisunique AS unique
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid`,
      );
      const declared = projections.flatMap((projection) =>
        (projection.indexesForReadersOnly ?? []).map((name) => ({ projection: projection.name, name })),
      );
      expect(declared.length).toBeGreaterThan(0);
      for (const { projection, name } of declared) {
        const owner = projections.find((candidate) => candidate.name === projection)!;
        const found = rows.find((row) => row.name === name);
        expect({
          projection,
          name,
          found: found && { ...found, owned: owner.tables.includes(found.table) },
        }).toEqual({
          projection,
          name,
          found: { table: expect.any(String), name, unique: false, owned: true },
        });
      }
    } finally {
      await client.end();
    }
  });
});
