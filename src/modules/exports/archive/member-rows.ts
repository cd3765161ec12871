import type pg from 'pg';

/** Rows read at once: every section of an archive is read in batches of this many. */
export const BATCH_ROWS = 1000;

/** A film as every section names it. */
export interface FilmRow {
  film_id: string;
  slug: string;
  title: string;
  year: number | null;
  imdb_id: string | null;
}

export interface MarksRow extends FilmRow {
  checked: boolean;
  checked_at: Date | null;
  watched_on: string | null;
  favourite: boolean;
  favourited_at: Date | null;
  disliked: boolean;
  disliked_at: Date | null;
  watchlisted: boolean;
  watchlisted_at: Date | null;
  rating_half_stars: number | null;
  rated_at: Date | null;
  updated_at: Date;
}

export interface DiaryRow extends FilmRow {
  id: string;
  watched_on: string;
  rewatch: boolean;
  rating_half_stars: number | null;
  logged_at: Date;
}

export interface ReviewRow extends FilmRow {
  id: string;
  body: string;
  spoilers: boolean;
  rating_half_stars: number | null;
  created_at: Date;
  edited_at: Date | null;
  hidden: boolean;
  diary_entry_id: string | null;
  rewatch: boolean | null;
  watched_on: string | null;
}

export interface ListRow {
  id: string;
  kind: 'official' | 'personal';
  ranked: boolean;
  visibility: 'private' | 'friends' | 'public';
  title: string;
  description: string | null;
  created_at: Date;
}

export interface ListItemRow extends FilmRow {
  position: string;
  note: string | null;
  added_at: Date;
}

export interface CommentRow extends FilmRow {
  id: string;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  hidden: boolean;
}

export interface PlanRow {
  edition_id: string;
  festival: string;
  festival_name: string;
  year: number;
  visibility: string;
}

export interface PlanItemRow extends FilmRow {
  screening_id: string;
  venue: string;
  starts_at: Date;
  added_at: Date;
}

export interface ProfileRow {
  id: string;
  username: string;
  email: string | null;
  created_at: Date;
  roles: string[] | null;
  joined_at: Date | null;
}

/** The marks a CSV lists, as conditions on user_film_state. */
const MARK_FILTERS = {
  checked: 's.checked',
  favourite: 's.favourite',
  watchlisted: 's.watchlisted',
  rated: 's.rating_half_stars IS NOT NULL',
} as const;

export type MarkFilter = keyof typeof MARK_FILTERS;

const FILM_COLUMNS = `f.id AS film_id, f.slug, f.title, f.year, f.imdb_id`;

/**
 * Batches of rows by keyset: `text` takes the member as $1 and the last row's key as the
 * following parameters (all null on the first batch) and must order by that key.
 */
async function* keyset<Row extends object>(
  pool: pg.Pool,
  text: string,
  memberId: string,
  keyOf: (row: Row) => readonly unknown[],
  firstKey: readonly null[],
  extra: readonly unknown[] = [],
): AsyncGenerator<Row[]> {
  let key: readonly unknown[] = firstKey;
  for (;;) {
    const { rows } = await pool.query<Row>(text, [memberId, ...extra, ...key, BATCH_ROWS]);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH_ROWS) return;
    key = keyOf(rows.at(-1)!);
  }
}

/**
 * What the archive reads of one member, section by section, each in batches; reading a section
 * twice (a CSV and filmlog.json) reads the database twice rather than holding it.
 */
export class MemberRows {
  constructor(
    private readonly pool: pg.Pool,
    readonly memberId: string,
  ) {}

  async profile(): Promise<ProfileRow | null> {
    const { rows } = await this.pool.query<ProfileRow>(
      `SELECT a.id, a.username, a.email, a.created_at, m.roles, m.joined_at
         FROM accounts a LEFT JOIN members m ON m.user_id = a.id WHERE a.id = $1`,
      [this.memberId],
    );
    return rows[0] ?? null;
  }

  /**
   * Every film the member has a mark on (or only those with the mark `only`), each mark with the
   * instant it stands from (its activity item).
   */
  marks(only?: MarkFilter): AsyncGenerator<MarksRow[]> {
    return keyset<MarksRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, s.checked, s.checked_at, s.watched_on::text AS watched_on,
              s.favourite, s.disliked, s.watchlisted, s.rating_half_stars, s.updated_at,
              a.favourited_at, a.disliked_at, a.watchlisted_at, a.rated_at
         FROM user_film_state s
         JOIN films f ON f.id = s.film_id
         LEFT JOIN LATERAL (
           SELECT max(occurred_at) FILTER (WHERE verb = 'favourited') AS favourited_at,
                  max(occurred_at) FILTER (WHERE verb = 'disliked') AS disliked_at,
                  max(occurred_at) FILTER (WHERE verb = 'watchlisted') AS watchlisted_at,
                  max(occurred_at) FILTER (WHERE verb = 'rated') AS rated_at
             FROM activity
            WHERE actor_id = s.user_id AND film_id = s.film_id
              AND verb IN ('favourited', 'disliked', 'watchlisted', 'rated')
         ) a ON true
        WHERE s.user_id = $1 AND ($2::uuid IS NULL OR s.film_id > $2) ${only === undefined ? '' : `AND ${MARK_FILTERS[only]}`}
        ORDER BY s.film_id
        LIMIT $3`,
      this.memberId,
      (row) => [row.film_id],
      [null],
    );
  }

  diary(): AsyncGenerator<DiaryRow[]> {
    return keyset<DiaryRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, d.id, d.watched_on::text AS watched_on, d.rewatch, d.rating_half_stars,
              d.logged_at
         FROM diary_entries d JOIN films f ON f.id = d.film_id
        WHERE d.user_id = $1
          AND ($2::date IS NULL OR (d.watched_on, d.logged_at, d.id) > ($2, $3, $4))
        ORDER BY d.watched_on, d.logged_at, d.id
        LIMIT $5`,
      this.memberId,
      (row) => [row.watched_on, row.logged_at, row.id],
      [null, null, null],
    );
  }

  /** The member's reviews, deleted ones left out, hidden ones kept (they are still theirs). */
  reviews(): AsyncGenerator<ReviewRow[]> {
    return keyset<ReviewRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, r.id, r.body, r.spoilers, r.rating_half_stars, r.created_at, r.edited_at,
              r.hidden, r.diary_entry_id, d.rewatch, d.watched_on::text AS watched_on
         FROM reviews r
         JOIN films f ON f.id = r.film_id
         LEFT JOIN diary_entries d ON d.id = r.diary_entry_id
        WHERE r.author_id = $1 AND r.deleted_at IS NULL
          AND ($2::timestamptz IS NULL OR (r.created_at, r.id) > ($2, $3))
        ORDER BY r.created_at, r.id
        LIMIT $4`,
      this.memberId,
      (row) => [row.created_at, row.id],
      [null, null],
    );
  }

  lists(): AsyncGenerator<ListRow[]> {
    return keyset<ListRow>(
      this.pool,
      `SELECT id, kind, ranked, visibility, title, description, created_at
         FROM lists
        WHERE owner_id = $1 AND deleted_at IS NULL
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3))
        ORDER BY created_at, id
        LIMIT $4`,
      this.memberId,
      (row) => [row.created_at, row.id],
      [null, null],
    );
  }

  /** A list's films in its order (the caller numbers them: rank 1 first). */
  listItems(listId: string): AsyncGenerator<ListItemRow[]> {
    return keyset<ListItemRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, e.position, e.note, e.added_at
         FROM list_entries e
         JOIN lists l ON l.id = e.list_id AND l.owner_id = $1
         JOIN films f ON f.id = e.film_id
        WHERE e.list_id = $2 AND e.removed_at IS NULL
          AND ($3::text IS NULL OR e.position > $3 COLLATE "C")
        ORDER BY e.position
        LIMIT $4`,
      this.memberId,
      (row) => [row.position],
      [null],
      [listId],
    );
  }

  comments(): AsyncGenerator<CommentRow[]> {
    return keyset<CommentRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, c.id, c.body, c.created_at, c.edited_at, c.hidden
         FROM comments c JOIN films f ON f.id = c.film_id
        WHERE c.author_id = $1 AND c.deleted_at IS NULL
          AND ($2::timestamptz IS NULL OR (c.created_at, c.id) > ($2, $3))
        ORDER BY c.created_at, c.id
        LIMIT $4`,
      this.memberId,
      (row) => [row.created_at, row.id],
      [null, null],
    );
  }

  async plans(): Promise<PlanRow[]> {
    // A member plans a handful of editions: one statement.
    const { rows } = await this.pool.query<PlanRow>(
      `SELECT p.edition_id, fe.slug AS festival, fe.name AS festival_name, e.year, p.visibility
         FROM festival_plans p
         JOIN festival_editions e ON e.id = p.edition_id
         JOIN festivals fe ON fe.id = e.festival_id
        WHERE p.owner_id = $1
        ORDER BY fe.slug, e.year`,
      [this.memberId],
    );
    return rows;
  }

  planItems(editionId: string): AsyncGenerator<PlanItemRow[]> {
    return keyset<PlanItemRow>(
      this.pool,
      `SELECT ${FILM_COLUMNS}, s.id AS screening_id, s.venue, s.starts_at, i.added_at
         FROM festival_plan_items i
         JOIN festival_screenings s ON s.id = i.screening_id
         JOIN films f ON f.id = s.film_id
        WHERE i.owner_id = $1 AND i.edition_id = $2
          AND ($3::timestamptz IS NULL OR (s.starts_at, s.id) > ($3, $4))
        ORDER BY s.starts_at, s.id
        LIMIT $5`,
      this.memberId,
      (row) => [row.starts_at, row.screening_id],
      [null, null],
      [editionId],
    );
  }
}
