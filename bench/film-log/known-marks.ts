import pg from 'pg';
import { filmLogDecider, type FilmLogState } from '../../src/modules/film-log/domain/film-log.decider.js';
import { fromHalfStars } from '../../src/modules/film-log/domain/rating.js';

interface MarkRow {
  user_id: string;
  film_id: string;
  checked: boolean;
  favourite: boolean;
  disliked: boolean;
  watchlisted: boolean;
  rating_half_stars: number | null;
}

/**
 * What the load generator knows of its members' marks, as their screens would: read once from
 * user_film_state, then replaced by the state each command answers with.
 */
export class KnownMarks {
  private readonly states = new Map<string, FilmLogState>();
  /** Each member's films known to be checked: the ones they can log a rewatch of. */
  private readonly checked = new Map<string, Set<string>>();

  static async load(url: string, memberIds: readonly string[]): Promise<KnownMarks> {
    const known = new KnownMarks();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<MarkRow>(
        `SELECT user_id, film_id, checked, favourite, disliked, watchlisted, rating_half_stars
         FROM user_film_state WHERE user_id = ANY($1::uuid[])`,
        [memberIds],
      );
      for (const row of rows) {
        known.set(row.user_id, row.film_id, {
          ...filmLogDecider.initialState,
          checked: row.checked,
          favourite: row.favourite,
          disliked: row.disliked,
          watchlisted: row.watchlisted,
          rating: fromHalfStars(row.rating_half_stars),
        });
      }
    } finally {
      await client.end();
    }
    return known;
  }

  get size(): number {
    return this.states.size;
  }

  get(memberId: string, filmId: string): FilmLogState {
    return this.states.get(`${memberId}.${filmId}`) ?? filmLogDecider.initialState;
  }

  set(memberId: string, filmId: string, state: FilmLogState): void {
    this.states.set(`${memberId}.${filmId}`, state);
    let films = this.checked.get(memberId);
    if (state.checked) {
      if (films === undefined) this.checked.set(memberId, (films = new Set()));
      films.add(filmId);
    } else films?.delete(filmId);
  }

  /** The films the member is known to have checked, in no particular order. */
  checkedFilms(memberId: string): readonly string[] {
    return [...(this.checked.get(memberId) ?? [])];
  }
}
