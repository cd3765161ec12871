import type pg from 'pg';
import { normaliseText, slugBase } from '../domain/normalise.js';
import { storedTitleKeysOfNormalised, type StoredTitleKeys } from '../films/film-title-key.js';
import { isUuid } from '../../../common/uuid.js';
import type { BadRow, WriteOutcome } from './import-tally.js';
import type { TitleBasicsRow, TitleBasicsSink } from './title-basics.import.js';
import type { TitleBasicsFilm } from './title-basics.line.js';

/** What the writer needs of a pg Pool or Client. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * One statement per batch, committed on its own (autocommit): new imdb ids are inserted, known
 * ones updated only when a value differs. The file is the source of the title and original title;
 * year, runtime and genres are kept when the file does not know them (`\N`), and the slug never
 * changes. On update the search text keeps the film's director names, which the file does not carry.
 */
const UPSERT = `
  INSERT INTO films AS f (id, slug, title, original_title, year, runtime_minutes, genres, search_text, imdb_id,
                          title_key, original_title_key)
  SELECT gen_random_uuid(),
         -- A scalar subquery is one index probe per row; EXISTS may be planned as a hash of every slug.
         CASE WHEN (SELECT true FROM films taken WHERE taken.slug = i.slug) THEN i.fallback_slug ELSE i.slug END,
         i.title, i.original_title, i.year, i.runtime_minutes, string_to_array(i.genres, ','), i.search_text,
         i.imdb_id, i.title_key, i.original_title_key
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[])
      AS i(imdb_id, slug, fallback_slug, title, year, runtime_minutes, genres, search_text, original_title,
           title_key, original_title_key)
  ON CONFLICT (imdb_id) DO UPDATE SET
    title = excluded.title,
    original_title = excluded.original_title,
    title_key = excluded.title_key,
    original_title_key = excluded.original_title_key,
    year = coalesce(excluded.year, f.year),
    runtime_minutes = coalesce(excluded.runtime_minutes, f.runtime_minutes),
    genres = CASE WHEN cardinality(excluded.genres) > 0 THEN excluded.genres ELSE f.genres END,
    search_text = CASE
      WHEN f.title = excluded.title AND f.original_title IS NOT DISTINCT FROM excluded.original_title
        THEN f.search_text
      ELSE concat_ws(' ', excluded.search_text, (
        SELECT string_agg(p.name_key, ' ' ORDER BY c.position)
          FROM film_credits c JOIN people p ON p.id = c.person_id
         WHERE c.film_id = f.id AND c.role = 'director'))
    END,
    updated_at = now()
  WHERE (f.title, f.original_title, f.year, f.runtime_minutes, f.genres)
        IS DISTINCT FROM
        (excluded.title, excluded.original_title, coalesce(excluded.year, f.year),
         coalesce(excluded.runtime_minutes, f.runtime_minutes),
         CASE WHEN cardinality(excluded.genres) > 0 THEN excluded.genres ELSE f.genres END)
  RETURNING (xmax = 0) AS inserted`;

/** The statement's eleven parameters, one array each, and the file line of every row. */
interface PreparedBatch {
  readonly lines: readonly number[];
  readonly columns: unknown[][];
}

/**
 * "paris paris" as searchTextOf would make it, and the matcher's keys as storedTitleKeys would,
 * normalising each title once.
 */
function searchTextAndKeys(film: TitleBasicsFilm): {
  searchText: string;
  normalisedTitle: string;
  keys: StoredTitleKeys;
} {
  const normalisedTitle = normaliseText(film.title);
  const original = film.originalTitle;
  const normalisedOriginal =
    original === null ? '' : original === film.title ? normalisedTitle : normaliseText(original);
  return {
    searchText:
      normalisedTitle && normalisedOriginal
        ? `${normalisedTitle} ${normalisedOriginal}`
        : normalisedTitle || normalisedOriginal,
    normalisedTitle,
    keys: storedTitleKeysOfNormalised(normalisedTitle, original === null ? null : normalisedOriginal),
  };
}

/**
 * Base slugs ("paris-2008") wanted by the latest batches. The statement checks the slugs already
 * committed; a batch still in flight is not visible to it, so a later batch gives way to it here,
 * and the first film in file order keeps the base slug whatever the timing. A later film with the
 * same base gets the imdb id as suffix: deterministic, and unique as the imdb id is.
 */
class BatchPreparer {
  private readonly recent: Set<string>[] = [];

  constructor(private readonly batchesKept: number) {}

  prepare(rows: readonly TitleBasicsRow[]): PreparedBatch {
    const wanted = new Set<string>();
    const columns: unknown[][] = Array.from({ length: 11 }, () => new Array<unknown>(rows.length));
    const [
      ids,
      slugs,
      fallbacks,
      titles,
      years,
      runtimes,
      genres,
      searchTexts,
      originals,
      keys,
      originalKeys,
    ] = columns as [
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
    ];
    rows.forEach(({ film }, index) => {
      const { searchText, normalisedTitle, keys: stored } = searchTextAndKeys(film);
      // slugBase normalises its input, and normalising twice changes nothing. A slug shaped like a
      // UUID would be read as an id by GET /films/{idOrSlug}, as FilmWriter knows too.
      const titleBase = slugBase(normalisedTitle, film.year);
      const base = isUuid(titleBase) ? `film-${titleBase}` : titleBase;
      const fallback = `${base}-${film.imdbId}`;
      const taken = wanted.has(base) || this.recent.some((batch) => batch.has(base));
      wanted.add(base);
      ids[index] = film.imdbId;
      slugs[index] = taken ? fallback : base;
      fallbacks[index] = fallback;
      titles[index] = film.title;
      years[index] = film.year;
      runtimes[index] = film.runtimeMinutes;
      genres[index] = film.genres.join(',');
      searchTexts[index] = searchText;
      originals[index] = film.originalTitle;
      keys[index] = stored.titleKey;
      originalKeys[index] = stored.originalTitleKey;
    });
    this.recent.push(wanted);
    if (this.recent.length > this.batchesKept) this.recent.shift();
    return { lines: rows.map((row) => row.line), columns };
  }
}

const onlyRow = (batch: PreparedBatch, index: number): PreparedBatch => ({
  lines: [batch.lines[index]!],
  columns: batch.columns.map((column) => [column[index]]),
});

/**
 * Errors that belong to the rows sent (bad data, a constraint, a trigger's refusal), as opposed to
 * the connection or the server: only those are isolated row by row.
 */
export function isRowRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^(22|23|54|P0)/.test(code);
}

/**
 * Writes batches of title.basics rows, `concurrency` at a time (one connection each: give it a pool
 * at least that large). The database's two cores are kept busy while the next batch is parsed.
 */
export class TitleBasicsWriter implements TitleBasicsSink {
  private readonly preparer: BatchPreparer;

  constructor(
    private readonly database: Queryable,
    readonly concurrency = 2,
  ) {
    // A batch is written only once the one `concurrency` before it ended, so that many cover it.
    this.preparer = new BatchPreparer(concurrency);
  }

  async write(rows: readonly TitleBasicsRow[]): Promise<WriteOutcome> {
    const batch = this.preparer.prepare(rows);
    try {
      return await this.upsert(batch);
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      return this.writeOneByOne(batch);
    }
  }

  private async upsert(batch: PreparedBatch): Promise<WriteOutcome> {
    const result = await this.database.query<{ inserted: boolean }>(UPSERT, batch.columns);
    const inserted = result.rows.filter((row) => row.inserted).length;
    const updated = result.rows.length - inserted;
    return { inserted, updated, unchanged: batch.lines.length - inserted - updated, bad: [] };
  }

  /** A batch the database refused: each row on its own, so one bad row costs only itself. */
  private async writeOneByOne(batch: PreparedBatch): Promise<WriteOutcome> {
    const total = { inserted: 0, updated: 0, unchanged: 0 };
    const bad: BadRow[] = [];
    for (const [index, line] of batch.lines.entries()) {
      try {
        const outcome = await this.upsert(onlyRow(batch, index));
        total.inserted += outcome.inserted;
        total.updated += outcome.updated;
        total.unchanged += outcome.unchanged;
      } catch (error) {
        if (!isRowRefusal(error)) throw error;
        bad.push({ at: line, reason: `the database refused it: ${(error as Error).message}` });
      }
    }
    return { ...total, bad };
  }
}
