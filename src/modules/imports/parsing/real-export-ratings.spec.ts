import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../../common/csv/decode-text.js';
import { recordsOf } from './csv-file.js';
import { readImdb } from './imdb.js';
import { readLetterboxd } from './letterboxd.js';
import { readZipEntries } from './zip-entries.js';

/** Real exports made by other people (provenance in their PROVENANCE.md); never copied here. */
const REAL_EXPORTS = join(__dirname, '../../../../../shared/fixtures/real-exports');
const MB = 1024 * 1024;
const real = (name: string): Buffer => readFileSync(join(REAL_EXPORTS, name));

const describeWithExports = existsSync(REAL_EXPORTS) ? describe : describe.skip;
if (!existsSync(REAL_EXPORTS)) {
  console.warn(`real-export rating specs skipped: ${REAL_EXPORTS} is not there (CI has it)`);
}

describeWithExports('ratings of real exports', () => {
  it('rates every film of a real Letterboxd ratings.csv, with the latest rating its rows give', async () => {
    const bytes = real('letterboxd-kevdoy-kev.zip');
    const files = await readZipEntries(bytes, (name) => ['ratings.csv', 'diary.csv'].includes(name), 50 * MB);
    // What the files say, read here row by row: the rating logged last per film (Name, Year).
    const latest = new Map<string, { rating: number; date: string }>();
    const note = (key: string, rating: string, date: string) => {
      if (rating === '') return;
      const known = latest.get(key);
      if (known === undefined || date >= known.date) latest.set(key, { rating: Number(rating), date });
    };
    const [, ...diary] = recordsOf('diary.csv', decodeText(files.get('diary.csv')!));
    for (const { fields } of diary) note(`${fields[1]} (${fields[2]})`, fields[4]!, fields[0]!);
    const [, ...ratings] = recordsOf('ratings.csv', decodeText(files.get('ratings.csv')!));
    for (const { fields } of ratings) note(`${fields[1]} (${fields[2]})`, fields[4]!, fields[0]!);
    expect(ratings.length).toBeGreaterThan(500);

    const plan = await readLetterboxd(bytes, 50 * MB);
    const rated = new Map(
      plan.films
        .filter((entry) => entry.rated !== null)
        .map((entry) => [`${entry.film.title} (${entry.film.year})`, entry.rated!.rating]),
    );
    expect(rated).toEqual(new Map([...latest].map(([key, { rating }]) => [key, rating])));
    expect(plan.rowErrors).toEqual([]);
    expect(plan.notImported).not.toHaveProperty(['ratings.csv']);
  });

  it('rates every film of a real IMDb ratings export with half its Your Rating', () => {
    const bytes = real('imdb-ratings.csv');
    const [header, ...rows] = recordsOf('imdb-ratings.csv', decodeText(bytes));
    const column = (name: string) => header!.fields.indexOf(name);
    const films = rows.filter(({ fields }) =>
      ['movie', 'tvMovie', 'Movie', 'TV Movie'].includes(fields[column('Title Type')]!),
    );

    const plan = readImdb(bytes, 'imdb-ratings.csv');
    const byId = new Map(plan.films.map((entry) => [entry.film.imdbId, entry.rated?.rating]));
    expect(byId.size).toBe(films.length);
    for (const { fields } of films) {
      expect([fields[column('Const')], byId.get(fields[column('Const')]!)]).toEqual([
        fields[column('Const')],
        Number(fields[column('Your Rating')]) / 2,
      ]);
    }
  });
});
