import pg from 'pg';
import yazl from 'yazl';
import { titleKeys } from '../../src/modules/catalog/films/film-title-key.js';
import { SeededRandom } from '../../src/common/seeded-random.js';
import type { ImportsBenchOptions } from './options.js';

const DAY_MS = 86_400_000;
/** One diary row in ten is a rewatch of a film logged before. */
const REWATCH_SHARE = 0.1;
/** One diary film in a hundred is not in the catalogue: the import must list it as unmatched. */
const UNKNOWN_SHARE = 0.01;

interface CatalogueFilm {
  readonly title: string;
  readonly year: number;
}

export interface GeneratedExport {
  readonly zip: Buffer;
  readonly files: Readonly<Record<string, number>>;
  /** Rows of every CSV in the export. */
  readonly rows: number;
  /** Films of the diary that are in the catalogue: checks the import must make. */
  readonly checks: number;
  /** Diary rows of films in the catalogue: the diary entries the import must write. */
  readonly viewings: number;
  readonly unknown: number;
  readonly watchlist: number;
  readonly likes: number;
}

/**
 * Films no other film could be taken for: no other title or original title of the same year has
 * the same key as the matcher compares them (accents, case, punctuation and articles aside).
 */
async function unambiguousFilms(url: string, count: number): Promise<CatalogueFilm[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<CatalogueFilm & { original_title: string | null }>(
      'SELECT title, original_title, year FROM films WHERE year IS NOT NULL ORDER BY md5(id::text)',
    );
    const keysOf = (film: (typeof rows)[number]): string[] => [
      ...new Set(
        [film.title, film.original_title ?? film.title].map(
          (title) => `${titleKeys(title).bare}|${film.year}`,
        ),
      ),
    ];
    const seen = new Map<string, number>();
    for (const film of rows) for (const key of keysOf(film)) seen.set(key, (seen.get(key) ?? 0) + 1);
    const films = rows.filter((film) => keysOf(film).every((key) => seen.get(key) === 1)).slice(0, count);
    if (films.length < count)
      throw new Error(`only ${films.length} films can be told apart; ${count} needed`);
    return films.map(({ title, year }) => ({ title, year }));
  } finally {
    await client.end();
  }
}

const quoted = (value: string | number): string => `"${String(value).replaceAll('"', '""')}"`;
const csv = (header: string, rows: readonly (readonly (string | number)[])[]): string =>
  [header, ...rows.map((row) => row.map(quoted).join(','))].join('\r\n') + '\r\n';
const day = (time: number): string => new Date(time).toISOString().slice(0, 10);
const uri = (index: number): string => `https://boxd.it/${index.toString(36)}`;

/** A zip of these files (text as UTF-8), in the order given. */
export function zipOf(files: Readonly<Record<string, string | Buffer>>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * A Letterboxd export as the site writes it, of films from the catalogue: diary.csv (with
 * rewatches and a few films the catalogue lacks), watched.csv (every diary film), likes/films.csv,
 * watchlist.csv (other films), and a ratings.csv the import reads but does not import.
 */
export async function generateExport(url: string, options: ImportsBenchOptions): Promise<GeneratedExport> {
  const random = new SeededRandom(20_261_121);
  const distinct = Math.round(options.diaryRows * (1 - REWATCH_SHARE));
  const films = await unambiguousFilms(url, distinct + options.watchlistRows);
  const now = Date.now();
  const diaryFilms = films
    .slice(0, distinct)
    .map((film, index) =>
      random.chance(UNKNOWN_SHARE)
        ? { title: `Unknown Picture ${index}`, year: 1950 + (index % 60), known: false }
        : { ...film, known: true },
    );
  const diary: (string | number)[][] = [];
  let viewings = 0;
  const watched: (string | number)[][] = [];
  for (let row = 0; row < options.diaryRows; row += 1) {
    const rewatch = row >= distinct;
    const index = rewatch ? random.int(0, distinct - 1) : row;
    const film = diaryFilms[index]!;
    if (film.known) viewings += 1;
    const viewed = now - random.int(30, 3_000) * DAY_MS;
    const logged = viewed + random.int(0, 20) * DAY_MS;
    diary.push([
      day(logged),
      film.title,
      film.year,
      uri(index),
      random.int(1, 10) / 2,
      rewatch ? 'Yes' : '',
      '',
      day(viewed),
    ]);
    if (!rewatch) watched.push([day(logged), film.title, film.year, uri(index)]);
  }
  const likes = diaryFilms
    .slice(0, options.likeRows)
    .map((film, index) => [day(now - index * DAY_MS), film.title, film.year, uri(index)]);
  const watchlist = films
    .slice(distinct)
    .map((film, index) => [day(now - index * 3_600_000), film.title, film.year, uri(distinct + index)]);
  const texts = {
    'watched.csv': csv('Date,Name,Year,Letterboxd URI', watched),
    'diary.csv': csv('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', diary),
    'likes/films.csv': csv('Date,Name,Year,Letterboxd URI', likes),
    'watchlist.csv': csv('Date,Name,Year,Letterboxd URI', watchlist),
    'ratings.csv': csv(
      'Date,Name,Year,Letterboxd URI,Rating',
      diary.slice(0, 100).map((row) => row.slice(0, 5)),
    ),
  };
  const files = {
    'watched.csv': watched.length,
    'diary.csv': diary.length,
    'likes/films.csv': likes.length,
    'watchlist.csv': watchlist.length,
    'ratings.csv': Math.min(100, diary.length),
  };
  const known = diaryFilms.filter((film) => film.known).length;
  return {
    zip: await zipOf(texts),
    files,
    rows: Object.values(files).reduce((sum, rows) => sum + rows, 0),
    checks: known,
    viewings,
    unknown: diaryFilms.length - known,
    watchlist: watchlist.length,
    likes: likes.length,
  };
}
