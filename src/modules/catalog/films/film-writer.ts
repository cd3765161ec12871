import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from '#projections';
import type { Film } from './film.js';
import { toFilmDraft, type FilmDraft } from './film-draft.js';
import {
  ExternalIdConflictException,
  FilmNotFoundException,
  MissingExternalIdException,
} from './film-errors.js';
import { loadFilm } from './film-reader.js';
import { isUuid } from '../../../common/uuid.js';
import type { FilmRequest } from './film-request.js';
import { IMDB_CONSTRAINT, insertDetails, insertFilm, TMDB_CONSTRAINT, updateFilm } from './film-rows.js';
import { isUniqueViolation } from '../slug-rows.js';
import { resolvePeople, type ResolvedCredits } from './people-resolver.js';

export type UpsertOutcome = 'imported' | 'updated' | 'unchanged';

export interface UpsertResult {
  readonly film: Film;
  readonly outcome: UpsertOutcome;
}

interface MatchedFilm {
  id: string;
  imdb_id: string | null;
  tmdb_id: number | null;
}

/** Deadlocks between writers that touch the same people and films are rare and worth one more try. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

const isRetryable = (error: unknown): boolean =>
  RETRYABLE.has((error as { code?: string } | null)?.code ?? '') ||
  isUniqueViolation(error, IMDB_CONSTRAINT) ||
  isUniqueViolation(error, TMDB_CONSTRAINT);

/** What a film says, without its identity, in one comparable form. */
const contentOf = (
  film: Omit<Film, 'id' | 'slug' | 'directors' | 'cast' | 'poster'> & ResolvedCredits,
): string =>
  JSON.stringify([
    film.title,
    film.originalTitle,
    film.year,
    film.runtimeMinutes,
    film.synopsis,
    film.directors.map((person) => person.id),
    film.cast.map((person) => person.id),
    film.genres,
    film.languages,
    film.countries,
    film.classification,
    [film.externalIds.imdb ?? null, film.externalIds.tmdb ?? null],
    film.criticReviews.map((review) => [
      review.outlet,
      review.region ?? null,
      review.excerpt,
      review.url ?? null,
    ]),
  ]);

/**
 * Writes films to the catalogue (plain tables on the primary). Each film is written in one
 * transaction, so it is never seen half-written; the input must already be validated.
 */
export class FilmWriter {
  constructor(private readonly pool: pg.Pool) {}

  async create(input: FilmRequest): Promise<Film> {
    const draft = toFilmDraft(input);
    return this.transaction(draft, async (client) => {
      const credits = await resolvePeople(client, draft);
      await this.refuseExternalIdsOfOthers(client, draft, null);
      return this.insert(client, draft, credits);
    });
  }

  /** Replaces everything but the id and the slug; `reference` is the film's id or slug. */
  async update(reference: string, input: FilmRequest): Promise<Film> {
    const draft = toFilmDraft(input);
    return this.transaction(draft, async (client) => {
      const credits = await resolvePeople(client, draft);
      const id = await this.lockFilm(client, reference);
      await this.refuseExternalIdsOfOthers(client, draft, id);
      return this.replace(client, id, draft, credits);
    });
  }

  /**
   * Imports a film matched on its IMDb or TMDB id: a new one is created, a known one replaced
   * (external ids it had and the input lacks are kept), an identical one left alone.
   */
  async upsertByExternalId(input: FilmRequest): Promise<UpsertResult> {
    const given = toFilmDraft(input);
    if (given.externalIds.imdb === undefined && given.externalIds.tmdb === undefined) {
      throw new MissingExternalIdException();
    }
    return this.transaction(given, async (client) => {
      const credits = await resolvePeople(client, given);
      const matched = await this.lockByExternalIds(client, given);
      if (!matched) return { film: await this.insert(client, given, credits), outcome: 'imported' };
      const draft: FilmDraft = {
        ...given,
        externalIds: {
          ...(matched.imdb_id !== null ? { imdb: matched.imdb_id } : {}),
          ...(matched.tmdb_id !== null ? { tmdb: matched.tmdb_id } : {}),
          ...given.externalIds,
        },
      };
      const current = (await loadFilm(client, matched.id))!;
      if (contentOf(current) === contentOf({ ...draft, ...credits }))
        return { film: current, outcome: 'unchanged' };
      return { film: await this.replace(client, matched.id, draft, credits), outcome: 'updated' };
    });
  }

  private async insert(client: pg.PoolClient, draft: FilmDraft, credits: ResolvedCredits): Promise<Film> {
    const id = randomUUID();
    await insertFilm(client, id, draft, credits);
    await insertDetails(client, id, draft, credits);
    return (await loadFilm(client, id))!;
  }

  private async replace(
    client: pg.PoolClient,
    id: string,
    draft: FilmDraft,
    credits: ResolvedCredits,
  ): Promise<Film> {
    await updateFilm(client, id, draft, credits);
    await insertDetails(client, id, draft, credits);
    return (await loadFilm(client, id))!;
  }

  private async lockFilm(client: pg.PoolClient, reference: string): Promise<string> {
    const byId = isUuid(reference);
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM films WHERE ${byId ? 'id = $1::uuid' : 'slug = $1'} FOR UPDATE`,
      [byId ? reference.toLowerCase() : reference],
    );
    if (!rows[0]) throw new FilmNotFoundException(reference);
    return rows[0].id;
  }

  /** The one film holding the input's external ids; two different films holding them is a conflict. */
  private async lockByExternalIds(client: pg.PoolClient, draft: FilmDraft): Promise<MatchedFilm | null> {
    const { imdb = null, tmdb = null } = draft.externalIds;
    const { rows } = await client.query<MatchedFilm>(
      `SELECT id, imdb_id, tmdb_id FROM films WHERE imdb_id = $1 OR tmdb_id = $2 ORDER BY id FOR UPDATE`,
      [imdb, tmdb],
    );
    if (rows.length <= 1) return rows[0] ?? null;
    const byImdb = rows.find((row) => row.imdb_id === imdb)!;
    const other = rows.find((row) => row !== byImdb)!;
    throw new ExternalIdConflictException('externalIds.tmdb', tmdb!, other.id);
  }

  private async refuseExternalIdsOfOthers(
    client: pg.PoolClient,
    draft: FilmDraft,
    ownId: string | null,
  ): Promise<void> {
    const { imdb = null, tmdb = null } = draft.externalIds;
    if (imdb === null && tmdb === null) return;
    const { rows } = await client.query<MatchedFilm>(
      `SELECT id, imdb_id, tmdb_id FROM films
        WHERE (imdb_id = $1 OR tmdb_id = $2) AND id IS DISTINCT FROM $3::uuid`,
      [imdb, tmdb, ownId],
    );
    const holder = rows[0];
    if (!holder) return;
    if (imdb !== null && holder.imdb_id === imdb)
      throw new ExternalIdConflictException('externalIds.imdb', imdb, holder.id);
    throw new ExternalIdConflictException('externalIds.tmdb', tmdb!, holder.id);
  }

  /**
   * Runs one film's write in a transaction, again when it lost a race (a deadlock, or another
   * writer committing the same external id first); a race lost every time ends as a conflict.
   */
  private async transaction<T>(draft: FilmDraft, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(this.pool, work);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw await this.conflictOf(error, draft);
      }
    }
  }

  private async conflictOf(error: unknown, draft: FilmDraft): Promise<unknown> {
    const field = isUniqueViolation(error, IMDB_CONSTRAINT)
      ? 'externalIds.imdb'
      : isUniqueViolation(error, TMDB_CONSTRAINT)
        ? 'externalIds.tmdb'
        : null;
    if (field === null) return error;
    const value = field === 'externalIds.imdb' ? draft.externalIds.imdb! : draft.externalIds.tmdb!;
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM films WHERE ${field === 'externalIds.imdb' ? 'imdb_id' : 'tmdb_id'} = $1`,
      [value],
    );
    return new ExternalIdConflictException(field, value, rows[0]?.id ?? 'unknown');
  }
}
