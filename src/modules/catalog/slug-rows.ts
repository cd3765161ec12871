import type pg from 'pg';
import { slugWithSuffix } from './domain/normalise.js';

/** The catalogue's tables whose rows have a slug, and the unique constraint that keeps it theirs. */
export const SLUG_CONSTRAINTS = {
  films: 'films_slug_key',
  people: 'people_slug_key',
} as const;

export type SlugTable = keyof typeof SLUG_CONSTRAINTS;

const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === UNIQUE_VIOLATION &&
  (constraint === undefined || (error as { constraint?: unknown }).constraint === constraint);

const SLUG_CANDIDATES_PER_LOOKUP = 50;
const MAX_SLUG_ATTEMPTS = 5;

/** The first slug of base, base-2, base-3… that no committed row of the table holds, from suffix `from` on. */
async function firstFreeSlug(
  client: pg.PoolClient,
  table: SlugTable,
  base: string,
  from: number,
): Promise<string> {
  for (let start = from; ; start += SLUG_CANDIDATES_PER_LOOKUP) {
    const candidates = Array.from({ length: SLUG_CANDIDATES_PER_LOOKUP }, (_, i) =>
      slugWithSuffix(base, start + i),
    );
    const { rows } = await client.query<{ slug: string }>(
      `SELECT slug FROM ${table} WHERE slug = ANY($1::text[])`,
      [candidates],
    );
    const taken = new Set(rows.map((row) => row.slug));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

/**
 * Runs `insert` with the base, else with the first free suffixed slug. A concurrent writer may
 * take the same slug between the lookup and the insert; the unique index refuses the second,
 * which then tries the next one (a savepoint keeps the rest of the transaction).
 */
export async function insertWithFreeSlug(
  client: pg.PoolClient,
  table: SlugTable,
  base: string,
  insert: (slug: string) => Promise<unknown>,
): Promise<string> {
  let slug = base;
  for (let attempt = 1; ; attempt += 1) {
    await client.query('SAVEPOINT insert_with_slug');
    try {
      await insert(slug);
      await client.query('RELEASE SAVEPOINT insert_with_slug');
      return slug;
    } catch (error) {
      if (!isUniqueViolation(error, SLUG_CONSTRAINTS[table]) || attempt >= MAX_SLUG_ATTEMPTS) throw error;
      await client.query('ROLLBACK TO SAVEPOINT insert_with_slug');
      slug = await firstFreeSlug(client, table, base, 2);
    }
  }
}
