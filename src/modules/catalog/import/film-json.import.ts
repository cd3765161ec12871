import { InvalidInputException } from '../../../common/invalid-input.exception.js';
import { ExternalIdConflictException } from '../films/film-errors.js';
import { validateFilmRequest, type FilmRequest } from '../films/film-request.js';
import type { UpsertOutcome } from '../films/film-writer.js';
import { ImportTally, type ImportCounts, type WriteOutcome } from './import-tally.js';
import { readJsonArrayEntries, type JsonArrayEntry } from './json-array.reader.js';
import type { PosterAttacher } from './poster-files.js';
import type { ImportProgress } from './title-basics.import.js';
import { isRowRefusal } from './title-basics.writer.js';

/** What the import needs of FilmWriter. */
export interface FilmUpserter {
  upsertByExternalId(
    input: FilmRequest,
  ): Promise<{ readonly film: { readonly id: string }; readonly outcome: UpsertOutcome }>;
}

export interface FilmJsonImportOptions {
  /** Films written at once, each in its own transaction. */
  readonly concurrency: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Keeps the posters entries name in their `poster` field; without it, a named poster is refused. */
  readonly posters?: PosterAttacher;
}

/** A film to write, with its entry's `poster` field when it has one. */
type CheckedEntry = { readonly film: FilmRequest; readonly poster?: unknown } | { readonly reason: string };

/** The `poster` field is the import's, not the API's film shape: taken off before the film is validated. */
function withoutPoster(plain: unknown): { film: unknown; poster?: unknown } {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain) || !('poster' in plain)) {
    return { film: plain };
  }
  const { poster, ...film } = plain as Record<string, unknown>;
  return { film, poster };
}

/** Everything but the database: JSON syntax, the API's film rules, an external id to match on. */
async function check(entry: JsonArrayEntry): Promise<CheckedEntry> {
  if ('problem' in entry) return { reason: entry.problem };
  let plain: unknown;
  try {
    plain = JSON.parse(entry.text);
  } catch (error) {
    return { reason: `not valid JSON: ${(error as Error).message}` };
  }
  const { film, poster } = withoutPoster(plain);
  const validation = await validateFilmRequest(film);
  if (!validation.ok) {
    return { reason: validation.errors.map((error) => `${error.field}: ${error.message}`).join('; ') };
  }
  const { imdb, tmdb } = validation.value.externalIds ?? {};
  if (imdb === undefined && tmdb === undefined) {
    return {
      reason: 'externalIds needs imdb or tmdb: the import matches films by them, so a re-run changes nothing',
    };
  }
  return poster === undefined ? { film: validation.value } : { film: validation.value, poster };
}

/** Refusals that concern the film itself; anything else (the database gone) stops the import. */
function refusalOf(error: unknown): string | null {
  if (error instanceof InvalidInputException) {
    return error.fieldErrors.map((field) => `${field.field}: ${field.message}`).join('; ');
  }
  if (error instanceof ExternalIdConflictException) return error.message;
  if (isRowRefusal(error)) return `the database refused it: ${(error as Error).message}`;
  return null;
}

const outcomeCounts = (outcome: UpsertOutcome): WriteOutcome => ({
  inserted: outcome === 'imported' ? 1 : 0,
  updated: outcome === 'updated' ? 1 : 0,
  unchanged: outcome === 'unchanged' ? 1 : 0,
  bad: [],
});

const externalKeysOf = (film: FilmRequest): string[] => [
  ...(film.externalIds?.imdb !== undefined ? [`imdb:${film.externalIds.imdb}`] : []),
  ...(film.externalIds?.tmdb !== undefined ? [`tmdb:${film.externalIds.tmdb}`] : []),
];

/**
 * Imports a JSON array of films in the API's shape, streamed entry by entry, each film through the
 * writer in its own transaction (never half-written). A film whose external id is still being
 * written waits for it, so the later entry wins.
 */
export async function importFilmJson(
  source: AsyncIterable<Buffer | string>,
  writer: FilmUpserter,
  options: FilmJsonImportOptions,
): Promise<ImportCounts> {
  const tally = new ImportTally();
  const inFlight = new Map<Promise<void>, readonly string[]>();
  // The first error that is not the film's fault; raised at the next turn of the reading loop.
  const failures: unknown[] = [];
  const settle = async (): Promise<void> => {
    await Promise.race(inFlight.keys());
    if (failures.length > 0) throw failures[0];
  };

  const keepPoster = async (line: number, filmId: string, poster: unknown): Promise<void> => {
    if (typeof poster !== 'string' || poster.trim() === '') {
      tally.poster(line, 'poster must be the path of a JPEG, PNG or WebP file');
    } else if (!options.posters) {
      tally.poster(line, 'posters are not imported here');
    } else {
      tally.poster(line, await options.posters.attach(filmId, poster));
    }
  };

  const write = (line: number, entry: Extract<CheckedEntry, { film: FilmRequest }>): void => {
    const done = writer
      .upsertByExternalId(entry.film)
      .then(
        async ({ film, outcome }) => {
          tally.written(outcomeCounts(outcome));
          if (entry.poster !== undefined) await keepPoster(line, film.id, entry.poster);
        },
        (error: unknown) => {
          const reason = refusalOf(error);
          if (reason === null) throw error;
          tally.bad({ at: line, reason });
        },
      )
      .catch((error: unknown) => {
        failures.push(error);
      });
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.set(tracked, externalKeysOf(entry.film));
  };

  for await (const chunk of readJsonArrayEntries(source)) {
    for (const entry of chunk.entries) {
      tally.read();
      const checked = await check(entry);
      if ('reason' in checked) {
        tally.bad({ at: entry.line, reason: checked.reason });
        continue;
      }
      const keys = externalKeysOf(checked.film);
      while ([...inFlight.values()].some((held) => held.some((key) => keys.includes(key)))) await settle();
      while (inFlight.size >= options.concurrency) await settle();
      write(entry.line, checked);
    }
    options.onProgress?.({ bytesRead: chunk.bytesRead, rowsRead: tally.rowsRead });
  }
  await Promise.all(inFlight.keys());
  if (failures.length > 0) throw failures[0];
  return tally.counts();
}
