import type { CommandContext, CommandRunner } from '#decider';
import type { EventStore, Position } from '#event-store';
import { fold } from '#decider';
import type pg from 'pg';
import { FilmMatcher } from '../../catalog/films/film-matcher.js';
import type { FilmLogEvent } from '../../film-log/domain/film-log.events.js';
import { importDecider, LISTED_ROWS_MAX } from '../domain/import.decider.js';
import {
  importStream,
  type ImportCounts,
  type ImportEvent,
  type UnmatchedRow,
} from '../domain/import.events.js';
import type { ImportCommand, ImportState } from '../domain/import.decider.js';
import { ImportFileError } from '../parsing/import-file.error.js';
import type { ImportedFilm, ImportPlan } from '../parsing/import-plan.js';
import { parseImport } from '../parsing/parse-import.js';
import { chunks } from '../../../common/chunks.js';
import { forEachBounded } from './bounded.js';
import { FilmLogWriter } from './film-log-writer.js';
import { writeImportedLists } from './list-writer.js';
import { reserveDiaryEntryKeys } from '../../diary/diary-entry-keys.js';
import { importedViewingId } from '../domain/imported-viewing-id.js';
import { marksSeen } from './marks-seen.js';
import { matchFilms } from './match-films.js';
import { mergeMarks } from './merge-films.js';
import { ReviewWriter } from './review-writer.js';
import { ProgressReporter } from './progress-reporter.js';

/** Films written at once: enough to keep the event store's connections busy. */
export const IMPORT_CONCURRENCY = 32;
/** Films without a mark written by one atomic append, and such appends in flight. */
const FRESH_FILMS_PER_APPEND = 250;
const FRESH_APPENDS_AT_ONCE = 2;

export interface ImportRunnerDeps {
  readonly store: EventStore;
  readonly runner: CommandRunner;
  /** The primary: import_files, films, user_film_state. */
  readonly pool: pg.Pool;
  readonly concurrency?: number;
  /**
   * Waits, within a bound, until the read model of members' marks shows what was appended before
   * the import started: a film it shows marked is not written again, and one it does not is
   * decided on the initial state first. Past the bound (or without it) those films are found on
   * their streams instead: slower, never wrong.
   */
  readonly marksCaughtUpWith?: (position: Position) => Promise<void>;
}

export type ImportOutcome =
  | { readonly status: 'completed'; readonly counts: ImportCounts }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'finished-before' };

interface Started {
  readonly state: ImportState;
  readonly eventId: string;
  readonly position: Position;
  readonly startedAt: string;
  readonly source: string;
}

/**
 * Runs one import: the stored file is parsed, matched against the catalogue, and written as the
 * member's own film-log and list commands; progress is recorded as it goes, then the result. Any
 * number of runs of the same import (a crashed worker's job runs again) add each mark once: the
 * deciders only add what the member lacks, and a finished import is not run again.
 */
export class ImportRunner {
  private readonly matcher: FilmMatcher;
  private readonly films: FilmLogWriter;
  private readonly reviews: ReviewWriter;

  constructor(private readonly deps: ImportRunnerDeps) {
    this.matcher = new FilmMatcher(deps.pool);
    this.films = new FilmLogWriter(deps.store, deps.runner);
    this.reviews = new ReviewWriter(deps.store);
  }

  async run(importId: string): Promise<ImportOutcome> {
    const started = await this.load(importId);
    const memberId = started.state.memberId!;
    const context: CommandContext = {
      actorId: memberId,
      correlationId: importId,
      causationId: started.eventId,
    };
    if (started.state.status === 'completed' || started.state.status === 'failed') {
      await this.forgetFile(importId);
      return { status: 'finished-before' };
    }
    const file = await this.deps.pool.query<{ content: Buffer; file_name: string }>(
      `SELECT content, file_name FROM import_files WHERE import_id = $1`,
      [importId],
    );
    if (file.rows.length === 0) return this.fail(importId, context, 'The uploaded file is no longer stored.');
    let plan: ImportPlan;
    try {
      plan = await parseImport(file.rows[0]!.content, file.rows[0]!.file_name, started.source, {
        importedAt: new Date(started.startedAt),
      });
    } catch (error) {
      if (error instanceof ImportFileError) return this.fail(importId, context, error.reason);
      throw error;
    }
    await this.deps.marksCaughtUpWith?.(started.position);
    return this.write(importId, memberId, plan, context);
  }

  /** Records the failure for good; the file goes, the member can upload a better one. */
  async fail(importId: string, context: CommandContext, reason: string): Promise<ImportOutcome> {
    await this.decide(importId, { type: 'FailImport', reason }, context);
    await this.forgetFile(importId);
    return { status: 'failed', reason };
  }

  private async write(
    importId: string,
    memberId: string,
    plan: ImportPlan,
    context: CommandContext,
  ): Promise<ImportOutcome> {
    const progress = new ProgressReporter(plan.rows, (done, total) =>
      this.decide(importId, { type: 'RecordImportProgress', done, total }, context),
    );
    progress.report();
    const readOnly = plan.rowErrors.length + Object.values(plan.notImported).reduce((sum, n) => sum + n, 0);
    progress.add(readOnly);

    const unmatched: UnmatchedRow[] = [];
    // One pass for the films and every list's items: the matcher reads each year's films once.
    const listItems = plan.lists.flatMap((list) => list.items.map((item) => ({ imdbId: null, ...item })));
    const everything = await matchFilms(this.deps.pool, this.matcher, [
      ...plan.films.map((film) => film.film),
      ...listItems,
    ]);
    const matches = everything.slice(0, plan.films.length);
    const listMatches = everything.slice(plan.films.length);
    const byFilm = new Map<string, ImportedFilm[]>();
    plan.films.forEach((film, index) => {
      const match = matches[index]!;
      if (match.matched) byFilm.set(match.filmId, [...(byFilm.get(match.filmId) ?? []), film]);
      else {
        const row = film.rows[0] ?? { file: '', line: 0 };
        unmatched.push({ title: film.film.title, year: film.film.year, file: row.file, line: row.line });
        progress.add(film.rows.length);
      }
    });

    const counts = {
      checked: 0,
      favourites: 0,
      watchlist: 0,
      ratings: 0,
      diaryEntries: 0,
      reviews: 0,
      lists: 0,
      unmatched: 0,
    };
    const seen = await marksSeen(this.deps.pool, memberId, [...byFilm.keys()]);
    const commands = new Map(
      [...byFilm].map(([filmId, rows]) => [
        filmId,
        mergeMarks(rows, (watchedOn, ordinal) => importedViewingId(memberId, filmId, watchedOn, ordinal)),
      ]),
    );
    // Every entry's key before any entry is appended; those the member already has were written before.
    await reserveDiaryEntryKeys(
      this.deps.pool,
      [...commands].flatMap(([filmId, command]) =>
        (command.viewings ?? []).map((viewing) => ({ id: viewing.entry, userId: memberId, filmId })),
      ),
    );
    const reviewsOf = (filmId: string) => byFilm.get(filmId)!.flatMap((film) => film.reviews);
    /** Counts a film's events and its rows, once its film log (and then its reviews) are written. */
    const filmWritten = (filmId: string, events: readonly FilmLogEvent[]) => {
      for (const event of events) {
        if (event.type === 'FilmChecked') counts.checked += 1;
        else if (event.type === 'FilmFavourited') counts.favourites += 1;
        else if (event.type === 'FilmAddedToWatchlist') counts.watchlist += 1;
        else if (event.type === 'FilmRated') counts.ratings += 1;
        else if (event.type === 'ViewingLogged') counts.diaryEntries += 1;
      }
      progress.add(byFilm.get(filmId)!.reduce((sum, film) => sum + film.rows.length, 0));
    };
    const concurrency = this.deps.concurrency ?? IMPORT_CONCURRENCY;
    // Films the member has no mark on (most of a first import): many films' streams per append.
    const fresh = [...byFilm.keys()].filter((filmId) => !seen.has(filmId));
    await forEachBounded(chunks(fresh, FRESH_FILMS_PER_APPEND), FRESH_APPENDS_AT_ONCE, async (batch) => {
      const films = batch.map((filmId) => ({ filmId, command: commands.get(filmId)! }));
      const written = await this.films.writeFresh(memberId, films, context);
      // After the film log: the films are checked (and rated) before their reviews show.
      const reviews = batch.map((filmId) => ({ filmId, reviews: reviewsOf(filmId) }));
      // Awaited first: `+=` would read the count before the await, and batches run side by side.
      const reviewed = await this.reviews.writeMany(memberId, reviews, context);
      counts.reviews += reviewed;
      for (const filmId of batch) filmWritten(filmId, written.get(filmId) ?? []);
    });
    const marked = [...byFilm.keys()].filter((filmId) => seen.has(filmId));
    await forEachBounded(marked, concurrency, async (filmId) => {
      const events = await this.films.write(
        memberId,
        filmId,
        commands.get(filmId)!,
        context,
        seen.get(filmId)!,
      );
      // Awaited first: `+=` would read the count before the await, and films run side by side.
      const reviewed = await this.reviews.write(memberId, filmId, reviewsOf(filmId), context);
      counts.reviews += reviewed;
      filmWritten(filmId, events);
    });

    const lists = await writeImportedLists(this.deps.runner, memberId, plan, listMatches, context, (items) =>
      progress.add(items),
    );
    unmatched.push(...lists.unmatched);
    counts.lists = lists.written;
    const rowErrors = [...plan.rowErrors, ...lists.rowErrors];

    counts.unmatched = unmatched.length;
    await progress.flush();
    await this.decide(
      importId,
      {
        type: 'CompleteImport',
        counts,
        unmatched: unmatched.slice(0, LISTED_ROWS_MAX),
        rowErrors: rowErrors.slice(0, LISTED_ROWS_MAX),
        notImported: plan.notImported,
      },
      context,
    );
    await this.forgetFile(importId);
    return { status: 'completed', counts };
  }

  private async load(importId: string): Promise<Started> {
    const events: ImportEvent[] = [];
    let first: { eventId: string; occurredAt: string; position: Position } | null = null;
    for await (const recorded of this.deps.store.readStream(importStream(importId))) {
      first ??= { ...recorded.metadata, position: recorded.position };
      events.push({ type: recorded.type, data: recorded.data } as ImportEvent);
    }
    const opening = events[0];
    if (first === null || opening?.type !== 'ImportStarted') throw new Error(`No import ${importId}`);
    return {
      state: fold(importDecider, importDecider.initialState, events),
      eventId: first.eventId,
      position: first.position,
      startedAt: first.occurredAt,
      source: opening.data.source,
    };
  }

  private async decide(importId: string, command: ImportCommand, context: CommandContext): Promise<void> {
    await this.deps.runner.run({
      decider: importDecider,
      streamId: importStream(importId),
      command,
      context,
    });
  }

  private async forgetFile(importId: string): Promise<void> {
    await this.deps.pool.query(`DELETE FROM import_files WHERE import_id = $1`, [importId]);
  }
}
