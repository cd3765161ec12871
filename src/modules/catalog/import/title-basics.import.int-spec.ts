import pg from 'pg';
import { createTestDatabase, type TestDatabase, testPool } from '#testing';
import { validateFilmRequest } from '../films/film-request.js';
import { FilmWriter } from '../films/film-writer.js';
import type { ImportCounts } from './import-tally.js';
import { importTitleBasics } from './title-basics.import.js';
import { TitleBasicsWriter } from './title-basics.writer.js';

const HEADER =
  'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';

const row = (...columns: string[]): string => columns.join('\t');

/** Lines 2 to 12: seven films, two ignored titles, two bad rows. */
const FILE = [
  HEADER,
  row('tt0869994', 'movie', 'Paris', 'Paris', '0', '2008', '\\N', '130', 'Comedy,Drama,Romance'),
  row('tt2076220', 'movie', 'Holy Motors', 'Holy Motors', '0', '2012', '\\N', '115', 'Drama,Fantasy'),
  row('tt0000501', 'tvEpisode', 'Pilot', 'Pilot', '0', '1999', '\\N', '42', 'Drama'),
  row('tt0000502', 'movie', 'Le "Grand" Bleu', 'Le Grand Bleu', '0', '1988', '\\N', '\\N', 'Sci-Fi'),
  row('tt0000503', 'movie', 'Battle of Hastings', 'Battle of Hastings', '0', '1066', '\\N', '95', 'War'),
  row('tt0000504', 'short', 'Été', 'Été', '0', '1950', '\\N', '12', '\\N'),
  'tt0000505\tmovie\tToo Few Columns',
  row('tt0000506', 'movie', 'Twins', 'Twins', '0', '1988', '\\N', '107', 'Comedy'),
  row('tt0000507', 'movie', 'Twins', 'Twins', '0', '1988', '\\N', '90', 'Drama'),
  row('tt0000508', 'movie', 'Adult Film', 'Adult Film', '1', '2001', '\\N', '80', 'Drama'),
  row('tt0000509', 'tvMovie', 'Quiet Night', '\\N', '0', '2020', '\\N', '75', 'Drama'),
];

async function* fileOf(lines: readonly string[]): AsyncGenerator<string> {
  yield `${lines.join('\n')}\n`;
}

interface FilmRow {
  slug: string;
  title: string;
  original_title: string | null;
  year: number | null;
  runtime_minutes: number | null;
  genres: string[];
  search_text: string;
  title_key: string;
  original_title_key: string | null;
  updated_at: Date;
}

describe('importing title.basics.tsv into the catalogue', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  const importLines = (lines: readonly string[], batchSize = 3): Promise<ImportCounts> =>
    importTitleBasics(fileOf(lines), new TitleBasicsWriter(pool, 2), { batchSize, latestYear: 2036 });

  const film = async (imdbId: string): Promise<FilmRow | undefined> =>
    (await pool.query<FilmRow>('SELECT * FROM films WHERE imdb_id = $1', [imdbId])).rows[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 2);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('imports the films, counts what it ignores and reports each bad row by line, writing the good ones', async () => {
    const counts = await importLines(FILE);

    expect(counts).toEqual({
      rows: 11,
      imported: 7,
      updated: 0,
      unchanged: 0,
      ignored: 2,
      ignoredByKind: { adult: 1, tvEpisode: 1 },
      skipped: 2,
      badRows: [
        { at: 6, reason: 'startYear 1066 is out of range 1870-2036' },
        { at: 8, reason: 'expected 9 tab-separated columns, found 3' },
      ],
    });
    expect(await film('tt0869994')).toMatchObject({
      slug: 'paris-2008',
      title: 'Paris',
      original_title: 'Paris',
      year: 2008,
      runtime_minutes: 130,
      genres: ['comedy', 'drama', 'romance'],
      search_text: 'paris paris',
      title_key: 'paris',
      original_title_key: null,
    });
    expect(await film('tt0000502')).toMatchObject({
      slug: 'le-grand-bleu-1988',
      title: 'Le "Grand" Bleu',
      runtime_minutes: null,
      genres: ['science-fiction'],
      // The matcher's keys: articles, quotes and spacing aside, the same title twice is one key.
      title_key: 'grandbleu',
      original_title_key: null,
    });
    expect(await film('tt0000504')).toMatchObject({ slug: 'ete-1950', search_text: 'ete ete' });
    expect(await film('tt0000509')).toMatchObject({ original_title: null, search_text: 'quiet night' });
    expect(await film('tt0000503')).toBeUndefined();
  });

  it('gives a film whose slug is taken the imdb id as suffix, the first in file order keeping it', async () => {
    expect((await film('tt0000506'))?.slug).toBe('twins-1988');
    expect((await film('tt0000507'))?.slug).toBe('twins-1988-tt0000507');
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await pool.query<FilmRow>('SELECT * FROM films ORDER BY imdb_id');

    const counts = await importLines(FILE);

    expect(counts).toMatchObject({ imported: 0, updated: 0, unchanged: 7, skipped: 2, ignored: 2 });
    expect((await pool.query<FilmRow>('SELECT * FROM films ORDER BY imdb_id')).rows).toEqual(before.rows);
  });

  it('updates what changed, keeps what the file does not know and never moves a slug', async () => {
    const counts = await importLines([
      HEADER,
      row('tt0000506', 'movie', 'Twins Again', 'Twins', '0', '1989', '\\N', '\\N', '\\N'),
      row('tt0869994', 'movie', 'Paris', 'Paris', '0', '2008', '\\N', '130', 'Comedy,Drama,Romance'),
      row('tt0000510', 'movie', 'Twins', 'Twins', '0', '1988', '\\N', '95', 'Comedy'),
    ]);

    expect(counts).toMatchObject({ imported: 1, updated: 1, unchanged: 1, skipped: 0 });
    expect(await film('tt0000506')).toMatchObject({
      slug: 'twins-1988',
      title: 'Twins Again',
      year: 1989,
      runtime_minutes: 107,
      genres: ['comedy'],
      search_text: 'twins again twins',
      title_key: 'twinsagain',
      original_title_key: 'twins',
    });
    // Its old slug still belongs to the renamed film.
    expect((await film('tt0000510'))?.slug).toBe('twins-1988-tt0000510');
  });

  it('keeps the director names of a film in its search text when the file renames it', async () => {
    const request = await validateFilmRequest({
      title: 'Les Amants du Pont-Neuf',
      year: 1991,
      directors: [{ name: 'Leos Carax' }],
      externalIds: { imdb: 'tt0101318' },
    });
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    await new FilmWriter(pool).upsertByExternalId(request.value);

    await importLines([
      HEADER,
      row(
        'tt0101318',
        'movie',
        'The Lovers on the Bridge',
        'Les Amants du Pont-Neuf',
        '0',
        '1991',
        '\\N',
        '125',
        'Drama',
      ),
    ]);

    expect((await film('tt0101318'))?.search_text).toBe(
      'the lovers on the bridge les amants du pont-neuf leos carax',
    );
  });

  it('writes the rest of a batch the database refused, and never a part of the refused row', async () => {
    await pool.query(`
      CREATE FUNCTION refuse_cursed_film() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = 'Cursed' THEN RAISE EXCEPTION 'cursed titles are refused'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_cursed_film BEFORE INSERT OR UPDATE ON films
        FOR EACH ROW EXECUTE FUNCTION refuse_cursed_film();`);
    try {
      const counts = await importLines(
        [
          HEADER,
          row('tt0000601', 'movie', 'Blessed', 'Blessed', '0', '2001', '\\N', '90', 'Drama'),
          row('tt0000602', 'movie', 'Cursed', 'Cursed', '0', '2002', '\\N', '90', 'Drama'),
          row('tt0000603', 'movie', 'Spared', 'Spared', '0', '2003', '\\N', '90', 'Drama'),
        ],
        10,
      );

      expect(counts).toMatchObject({
        imported: 2,
        skipped: 1,
        badRows: [{ at: 3, reason: 'the database refused it: cursed titles are refused' }],
      });
      expect(await film('tt0000602')).toBeUndefined();
      expect((await film('tt0000601'))?.title).toBe('Blessed');
      expect((await film('tt0000603'))?.title).toBe('Spared');
    } finally {
      await pool.query('DROP TRIGGER refuse_cursed_film ON films; DROP FUNCTION refuse_cursed_film()');
    }
  });
});
