import type {
  FilmReference,
  ImportedCheck,
  ImportedFilm,
  ImportedList,
  ImportedMark,
  ImportedRating,
  ImportedReview,
  ImportedViewing,
  ImportPlan,
  ImportSource,
  RowError,
  SourceRow,
} from './import-plan.js';

interface FilmEntry {
  film: FilmReference;
  checked: ImportedCheck | null;
  favourite: ImportedMark | null;
  disliked: ImportedMark | null;
  watchlisted: ImportedMark | null;
  rated: ImportedRating | null;
  viewings: ImportedViewing[];
  reviews: ImportedReview[];
  rows: SourceRow[];
}

type Mark = 'favourite' | 'disliked' | 'watchlisted';

/** The films of one export are the same when they have the same id, else IMDb id, else the same title and year as written. */
const keyOf = (film: FilmReference): string =>
  film.filmId !== undefined
    ? `id:${film.filmId}`
    : film.imdbId !== null
      ? `imdb:${film.imdbId}`
      : `title:${film.year ?? ''}:${film.title}`;

const earlier = (a: string, b: string): boolean => a < b;

/** The check to keep of two: the earliest viewing date known, else the earliest time it was logged. */
function mergedCheck(kept: ImportedCheck | null, next: ImportedCheck): ImportedCheck {
  if (kept === null) return next;
  if (kept.watchedOn !== null && next.watchedOn !== null)
    return earlier(next.watchedOn, kept.watchedOn) ? next : kept;
  if (kept.watchedOn !== null || next.watchedOn !== null) return kept.watchedOn !== null ? kept : next;
  return earlier(next.at, kept.at) ? next : kept;
}

/** Collects what the rows of an export say, merging a film's rows across files as they come. */
export class ImportPlanBuilder {
  private readonly films = new Map<string, FilmEntry>();
  private readonly lists: ImportedList[] = [];
  private readonly notImported: Record<string, number> = {};
  private readonly rowErrors: RowError[] = [];
  private rows = 0;

  constructor(private readonly source: ImportSource) {}

  /** A data row was read (whatever becomes of it). */
  rowRead(count = 1): void {
    this.rows += count;
  }

  check(film: FilmReference, row: SourceRow, check: ImportedCheck): void {
    const entry = this.entry(film, row);
    entry.checked = mergedCheck(entry.checked, check);
  }

  mark(mark: Mark, film: FilmReference, row: SourceRow, at: string): void {
    const entry = this.entry(film, row);
    const kept = entry[mark];
    if (kept === null || earlier(at, kept.at)) entry[mark] = { at };
  }

  /** The latest rating wins, as the member's latest rating is their rating. */
  rate(film: FilmReference, row: SourceRow, rating: ImportedRating): void {
    const entry = this.entry(film, row);
    if (entry.rated === null || !earlier(rating.at, entry.rated.at)) entry.rated = rating;
  }

  /** A diary row: every one is a viewing of its own, a rewatch of the same day included. */
  view(film: FilmReference, row: SourceRow, viewing: ImportedViewing): void {
    this.entry(film, row).viewings.push(viewing);
  }

  review(film: FilmReference, row: SourceRow, review: ImportedReview): void {
    this.entry(film, row).reviews.push(review);
  }

  list(list: ImportedList): void {
    this.lists.push(list);
  }

  notYetImported(what: string, count = 1): void {
    this.notImported[what] = (this.notImported[what] ?? 0) + count;
  }

  rowError(file: string, line: number, reason: string): void {
    this.rowErrors.push({ file, line, reason });
  }

  build(): ImportPlan {
    return {
      source: this.source,
      films: [...this.films.values()] satisfies ImportedFilm[],
      lists: this.lists,
      notImported: this.notImported,
      rowErrors: this.rowErrors,
      rows: this.rows,
    };
  }

  private entry(film: FilmReference, row: SourceRow): FilmEntry {
    const key = keyOf(film);
    let entry = this.films.get(key);
    if (entry === undefined) {
      entry = {
        film,
        checked: null,
        favourite: null,
        disliked: null,
        watchlisted: null,
        rated: null,
        viewings: [],
        reviews: [],
        rows: [],
      };
      this.films.set(key, entry);
    }
    const last = entry.rows.at(-1);
    if (last?.file !== row.file || last.line !== row.line) entry.rows.push(row);
    return entry;
  }
}
