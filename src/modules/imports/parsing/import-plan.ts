/** The services a member can bring their history from. */
export const IMPORT_SOURCES = ['letterboxd', 'icheckmovies', 'imdb'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Where a row was read: the file (a zip entry's name, or the uploaded file's name) and its first line. */
export interface SourceRow {
  readonly file: string;
  readonly line: number;
}

/**
 * A film as the export names it; matched later against the catalogue (by our own id when our
 * export gives it, else IMDb id, else title and year).
 */
export interface FilmReference {
  readonly filmId?: string;
  readonly imdbId: string | null;
  readonly title: string;
  readonly year: number | null;
}

/** When an imported mark happened (ISO 8601 instant): its events carry that time. */
export interface ImportedMark {
  readonly at: string;
}

/** A check: `watchedOn` is the earliest viewing date the export knows (YYYY-MM-DD), null when it knows none. */
export interface ImportedCheck extends ImportedMark {
  readonly watchedOn: string | null;
}

/** A rating (0.5–5 in half stars), given at `at`. */
export interface ImportedRating extends ImportedMark {
  readonly rating: number;
}

/** One viewing of a diary (YYYY-MM-DD), logged at `at`, with the stars it gave (or null). */
export interface ImportedViewing extends ImportedMark {
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
}

/** A review, written at `at`; only our own export carries a spoiler flag (none: no spoilers). */
export interface ImportedReview extends ImportedMark {
  readonly body: string;
  readonly rating: number | null;
  readonly spoilers?: boolean;
}

/**
 * One film and everything the export says about it, merged over all its rows and files (the
 * shape of the ImportFilmLog command); `rows` are where it was read, in reading order.
 */
export interface ImportedFilm {
  readonly film: FilmReference;
  readonly checked: ImportedCheck | null;
  readonly favourite: ImportedMark | null;
  readonly disliked: ImportedMark | null;
  readonly watchlisted: ImportedMark | null;
  /** The latest rating the export gives. */
  readonly rated: ImportedRating | null;
  /** Every diary row for the film, in reading order. */
  readonly viewings: readonly ImportedViewing[];
  /** Every review of the film, in reading order. */
  readonly reviews: readonly ImportedReview[];
  readonly rows: readonly SourceRow[];
}

/** A film on a personal list; `position` is null on an unranked list; our export also names the film by id. */
export interface ImportedListItem {
  readonly position: number | null;
  readonly filmId?: string;
  readonly imdbId?: string | null;
  readonly title: string;
  readonly year: number | null;
  readonly note: string | null;
  readonly line: number;
}

/** A personal list (Letterboxd lists/<slug>.csv); `file` is the entry its items' lines refer to. */
export interface ImportedList {
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
  readonly ranked: boolean;
  /** Only our own export says; the list is private otherwise. */
  readonly visibility?: 'private' | 'friends' | 'public';
  readonly file: string;
  readonly items: readonly ImportedListItem[];
}

/** A row that could not be used; the rest of the file still is. */
export interface RowError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * What an uploaded file asks for, before anything is matched or written. `rows` counts every data
 * row read (header lines excluded), including those reported in `rowErrors` and `notImported`:
 * the total that progress counts towards. `notImported` counts rows read but not imported yet, by
 * file (Letterboxd ratings.csv, reviews.csv) or by file and kind (IMDb rows that are not films).
 */
export interface ImportPlan {
  readonly source: ImportSource;
  readonly films: readonly ImportedFilm[];
  readonly lists: readonly ImportedList[];
  readonly notImported: Readonly<Record<string, number>>;
  readonly rowErrors: readonly RowError[];
  readonly rows: number;
}
