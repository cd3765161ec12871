import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  normaliseText,
  personSlugBase,
  searchTextOf,
  slugBase,
  slugsInOrder,
} from '../../src/modules/catalog/domain/normalise.js';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { storedTitleKeys } from '../../src/modules/catalog/films/film-title-key.js';
import { filmTitle, personName } from '../../src/modules/catalog/seed/vocabulary.js';

export const BENCH_GENRES = ['action', 'comedy', 'crime', 'documentary', 'drama', 'fantasy', 'horror'];
export const BENCH_GENRES_RARE = ['western', 'war', 'music', 'animation', 'science-fiction'];
export const BENCH_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'ja', 'pl', 'sv', 'tr', 'pt'];
export const BENCH_COUNTRIES = ['FR', 'US', 'GB', 'ES', 'DE', 'IT', 'JP', 'PL', 'SE', 'TR', 'PT', 'BE'];

const CHUNK = 10_000;

export interface SearchCatalogue {
  readonly films: number;
  readonly people: number;
  /** Director names as stored, to search for. */
  readonly directorNames: readonly string[];
}

interface Person {
  readonly id: string;
  readonly name: string;
}

/** Every film's row, computed as FilmWriter would (slug, search text with its directors). */
function filmRows(
  count: number,
  random: SeededRandom,
  directors: readonly Person[],
  slugCounts: Map<string, number>,
) {
  return Array.from({ length: count }, () => {
    const title = filmTitle(random);
    const originalTitle = random.chance(0.2) ? filmTitle(random) : title;
    const year = random.int(1920, 2025);
    const credited = random.sample(directors, random.chance(0.1) ? 2 : 1);
    const base = slugBase(title, year);
    const seen = (slugCounts.get(base) ?? 0) + 1;
    slugCounts.set(base, seen);
    const genres = random.sample(random.chance(0.1) ? BENCH_GENRES_RARE : BENCH_GENRES, random.int(1, 3));
    return {
      id: randomUUID(),
      slug: seen === 1 ? base : `${base}-${seen}`,
      title,
      originalTitle,
      year,
      runtime: random.int(72, 190),
      genres: `{${genres.join(',')}}`,
      languages: `{${random.sample(BENCH_LANGUAGES, random.int(1, 2)).join(',')}}`,
      countries: `{${random.sample(BENCH_COUNTRIES, random.int(1, 2)).join(',')}}`,
      searchText: searchTextOf({
        title,
        originalTitle,
        directorNames: credited.map((person) => person.name),
      }),
      directors: credited,
    };
  });
}

const titleKeyColumns = (
  rows: readonly { title: string; originalTitle: string | null }[],
): (string | null)[][] => {
  const keys = rows.map((row) => storedTitleKeys(row.title, row.originalTitle));
  return [keys.map((key) => key.titleKey), keys.map((key) => key.originalTitleKey)];
};

const INSERT_PEOPLE = `
  INSERT INTO people (id, name, name_key, slug)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`;
const INSERT_FILMS = `
  INSERT INTO films (id, slug, title, original_title, year, runtime_minutes, genres, languages, countries, search_text,
                     title_key, original_title_key)
  SELECT id, slug, title, original_title, year, runtime, genres::text[], languages::text[], countries::text[], search_text,
         title_key, original_title_key
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[], $12::text[])
      AS i(id, slug, title, original_title, year, runtime, genres, languages, countries, search_text,
           title_key, original_title_key)`;
const INSERT_CREDITS = `
  INSERT INTO film_credits (film_id, person_id, role, position)
  SELECT film_id, person_id, 'director', position FROM unnest($1::uuid[], $2::uuid[], $3::int[])
      AS i(film_id, person_id, position)`;

/**
 * Fills the catalogue of an empty, migrated database straight with SQL (FilmWriter's one film per
 * transaction would take minutes): people, films with directors, then statistics for the planner.
 */
export async function fillSearchCatalogue(url: string, films: number): Promise<SearchCatalogue> {
  const random = new SeededRandom(1_962);
  const names = [...new Set(Array.from({ length: Math.max(200, films / 8) }, () => personName(random)))];
  const people = names.map((name) => ({ id: randomUUID(), name }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(INSERT_PEOPLE, [
      people.map((person) => person.id),
      people.map((person) => person.name),
      people.map((person) => normaliseText(person.name)),
      slugsInOrder(people.map((person) => personSlugBase(person.name))),
    ]);
    const slugCounts = new Map<string, number>();
    for (let start = 0; start < films; start += CHUNK) {
      const rows = filmRows(Math.min(CHUNK, films - start), random, people, slugCounts);
      await client.query(INSERT_FILMS, [
        rows.map((row) => row.id),
        rows.map((row) => row.slug),
        rows.map((row) => row.title),
        rows.map((row) => row.originalTitle),
        rows.map((row) => row.year),
        rows.map((row) => row.runtime),
        rows.map((row) => row.genres),
        rows.map((row) => row.languages),
        rows.map((row) => row.countries),
        rows.map((row) => row.searchText),
        ...titleKeyColumns(rows),
      ]);
      const credits = rows.flatMap((row) =>
        row.directors.map((person, position) => ({ film: row.id, person: person.id, position })),
      );
      await client.query(INSERT_CREDITS, [
        credits.map((credit) => credit.film),
        credits.map((credit) => credit.person),
        credits.map((credit) => credit.position),
      ]);
    }
    await client.query('VACUUM (ANALYZE) films, people, film_credits');
  } finally {
    await client.end();
  }
  return { films, people: people.length, directorNames: names };
}
