import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { normaliseText, personSlugBase } from '../domain/normalise.js';
import { insertWithFreeSlug, isUniqueViolation, SLUG_CONSTRAINTS } from '../slug-rows.js';
import type { PersonCredit } from './film.js';
import type { FilmDraft, PersonById, PersonRef } from './film-draft.js';
import { UnknownPersonException } from './film-errors.js';

/** Advisory lock namespace for person names (the two-key space, apart from other locks). */
const PERSON_LOCK_NAMESPACE = 'filmlog.catalog.person-name';

export interface ResolvedCredits {
  readonly directors: readonly PersonCredit[];
  readonly cast: readonly PersonCredit[];
}

interface PersonRow {
  id: string;
  name: string;
  name_key: string;
  slug: string;
}

const byId = (ref: PersonRef): ref is PersonById => 'id' in ref;

/** Credits listing the same person twice in one role say nothing more; the first billing stays. */
const withoutRepeats = (credits: readonly PersonCredit[]): PersonCredit[] => {
  const seen = new Set<string>();
  return credits.filter((credit) => !seen.has(credit.id) && seen.add(credit.id));
};

async function peopleByIds(client: pg.PoolClient, draft: FilmDraft): Promise<Map<string, PersonRow>> {
  const ids = [...draft.directors, ...draft.cast].filter(byId).map((ref) => ref.id);
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<PersonRow>(
    `SELECT id, name, name_key, slug FROM people WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = (['directors', 'cast'] as const).flatMap((role) =>
    draft[role].flatMap((ref, index) =>
      byId(ref) && !found.has(ref.id)
        ? [{ field: `${role}.${index}.id`, message: `no person has id ${ref.id}` }]
        : [],
    ),
  );
  if (missing.length > 0) throw new UnknownPersonException(missing);
  return found;
}

/**
 * New people, each under its slug base: all in one statement when no base is taken (the usual
 * case), else one by one, each under the first free slug as a film would be.
 */
async function insertPeople(client: pg.PoolClient, people: Omit<PersonRow, 'slug'>[]): Promise<PersonRow[]> {
  if (people.length === 0) return [];
  const named = people.map((person) => ({ ...person, slug: personSlugBase(person.name) }));
  if (new Set(named.map((person) => person.slug)).size === named.length) {
    await client.query('SAVEPOINT insert_people');
    try {
      await client.query(
        `INSERT INTO people (id, name, name_key, slug)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
        [
          named.map((p) => p.id),
          named.map((p) => p.name),
          named.map((p) => p.name_key),
          named.map((p) => p.slug),
        ],
      );
      await client.query('RELEASE SAVEPOINT insert_people');
      return named;
    } catch (error) {
      if (!isUniqueViolation(error, SLUG_CONSTRAINTS.people)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT insert_people');
    }
  }
  const inserted: PersonRow[] = [];
  for (const person of named) {
    const slug = await insertWithFreeSlug(client, 'people', person.slug, (free) =>
      client.query(`INSERT INTO people (id, name, name_key, slug) VALUES ($1, $2, $3, $4)`, [
        person.id,
        person.name,
        person.name_key,
        free,
      ]),
    );
    inserted.push({ ...person, slug });
  }
  return inserted;
}

/**
 * People named in the draft: the existing person whose name matches after normalisation (the
 * oldest, should there be several), else a new one. A transaction-scoped lock per name makes
 * concurrent writers naming the same new person agree on one row.
 */
async function peopleByNames(client: pg.PoolClient, draft: FilmDraft): Promise<Map<string, PersonRow>> {
  const spellings = new Map<string, string>();
  for (const ref of [...draft.directors, ...draft.cast]) {
    if (byId(ref)) continue;
    const key = normaliseText(ref.name);
    if (!spellings.has(key)) spellings.set(key, ref.name);
  }
  if (spellings.size === 0) return new Map();
  // Sorted, so two transactions taking overlapping sets of locks cannot deadlock on them.
  const keys = [...spellings.keys()].sort();
  await client.query(
    `SELECT pg_advisory_xact_lock(hashtext($1), hashtext(key)) FROM unnest($2::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n`,
    [PERSON_LOCK_NAMESPACE, keys],
  );
  const { rows } = await client.query<PersonRow>(
    `SELECT DISTINCT ON (name_key) id, name, name_key, slug FROM people
      WHERE name_key = ANY($1::text[]) ORDER BY name_key, created_at, id`,
    [keys],
  );
  const found = new Map(rows.map((row) => [row.name_key, row]));
  // In credit order, so the first credited of two new people sharing a slug gets it unsuffixed.
  const created = await insertPeople(
    client,
    [...spellings.keys()]
      .filter((key) => !found.has(key))
      .map((key) => ({ id: randomUUID(), name: spellings.get(key)!, name_key: key })),
  );
  for (const person of created) found.set(person.name_key, person);
  return found;
}

/** Turns the draft's people (by id or by name) into credited people, creating new names. */
export async function resolvePeople(client: pg.PoolClient, draft: FilmDraft): Promise<ResolvedCredits> {
  const ids = await peopleByIds(client, draft);
  const names = await peopleByNames(client, draft);
  const credit = (ref: PersonRef): PersonCredit => {
    const row = byId(ref) ? ids.get(ref.id)! : names.get(normaliseText(ref.name))!;
    return { id: row.id, slug: row.slug, name: row.name };
  };
  return {
    directors: withoutRepeats(draft.directors.map(credit)),
    cast: withoutRepeats(draft.cast.map(credit)),
  };
}
