import { letterboxdExport } from '#testing';
import { letterboxdSample } from '../../../../test/fixtures/imports/letterboxd-sample.js';
import { parseImport } from './parse-import.js';

const FILM = {
  id: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  slug: 'stalker-1979',
  title: 'Stalker',
  year: 1979,
  imdbId: 'tt0079944',
};
const OTHER = {
  id: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  slug: 'duel',
  title: 'Duel',
  year: 1971,
  imdbId: null,
};

const filmlog = {
  format: 'filmlog-export',
  version: 1,
  exportedAt: '2026-12-07T10:00:00.000Z',
  profile: { username: 'alice' },
  films: [
    {
      film: FILM,
      checked: { at: '2024-03-01T21:14:05.123Z', watchedOn: '2019-06-02' },
      favourite: null,
      disliked: { at: '2024-03-01T21:15:00.000Z' },
      watchlisted: null,
      rating: { rating: 1.5, at: '2024-03-02T08:00:00.000Z' },
    },
    {
      film: OTHER,
      checked: null,
      favourite: null,
      disliked: null,
      watchlisted: { at: '2025-01-01T00:00:00.000Z' },
      rating: null,
    },
  ],
  diary: [
    {
      film: OTHER,
      watchedOn: '2020-01-01',
      rewatch: false,
      rating: null,
      loggedAt: '2020-01-02T10:00:00.000Z',
    },
    { film: OTHER, watchedOn: '2021-01-01', rewatch: true, rating: 4, loggedAt: '2021-01-02T10:00:00.000Z' },
  ],
  reviews: [
    { film: FILM, body: 'Long.', spoilers: true, rating: null, createdAt: '2024-03-03T09:00:00.000Z' },
  ],
  lists: [
    {
      id: '11111111-2222-4333-8444-555555555555',
      title: 'Two',
      description: null,
      ranked: true,
      visibility: 'friends',
      items: [
        { rank: 2, film: FILM, note: null },
        { rank: 1, film: OTHER, note: 'first' },
      ],
    },
  ],
  comments: [],
  festivalPlans: [],
  events: [],
};

const zipOf = async (json: unknown, withCsvs = true): Promise<Buffer> =>
  letterboxdExport({ ...(withCsvs ? letterboxdSample : {}), 'filmlog.json': JSON.stringify(json) });

describe('filmlog.json in an archive of our own export', () => {
  it('is read instead of the CSVs: marks at their exact instants, dislikes, ratings, diary, reviews', async () => {
    const plan = await parseImport(await zipOf(filmlog), 'export.zip');

    expect(plan).toMatchObject({ source: 'letterboxd', rows: 7, rowErrors: [] });
    expect(plan.films).toHaveLength(2);
    const [stalker, duel] = plan.films;
    expect(stalker).toMatchObject({
      film: { filmId: FILM.id, imdbId: 'tt0079944', title: 'Stalker', year: 1979 },
      checked: { at: '2024-03-01T21:14:05.123Z', watchedOn: '2019-06-02' },
      disliked: { at: '2024-03-01T21:15:00.000Z' },
      favourite: null,
      rated: { rating: 1.5, at: '2024-03-02T08:00:00.000Z' },
      reviews: [{ body: 'Long.', spoilers: true, rating: null, at: '2024-03-03T09:00:00.000Z' }],
    });
    expect(duel).toMatchObject({
      checked: null,
      watchlisted: { at: '2025-01-01T00:00:00.000Z' },
      viewings: [
        { watchedOn: '2020-01-01', rewatch: false, rating: null, at: '2020-01-02T10:00:00.000Z' },
        { watchedOn: '2021-01-01', rewatch: true, rating: 4, at: '2021-01-02T10:00:00.000Z' },
      ],
    });
  });

  it('gives lists in rank order, with notes, visibility and the films’ ids', async () => {
    const plan = await parseImport(await zipOf(filmlog, false), 'export.zip');

    expect(plan.lists).toEqual([
      {
        slug: '11111111-2222-4333-8444-555555555555',
        name: 'Two',
        description: null,
        ranked: true,
        visibility: 'friends',
        file: 'filmlog.json',
        items: [
          { position: 1, filmId: OTHER.id, imdbId: null, title: 'Duel', year: 1971, note: 'first', line: 1 },
          {
            position: 2,
            filmId: FILM.id,
            imdbId: 'tt0079944',
            title: 'Stalker',
            year: 1979,
            note: null,
            line: 2,
          },
        ],
      },
    ]);
  });

  it('refuses a filmlog.json that is not ours, naming what is wrong', async () => {
    await expect(parseImport(await zipOf({ ...filmlog, version: 2 }), 'export.zip')).rejects.toMatchObject({
      field: 'file',
      reason: expect.stringMatching(/^filmlog\.json: version/) as string,
    });
    const badRating = {
      ...filmlog,
      films: [{ ...filmlog.films[0], rating: { rating: 7, at: '2024-01-01T00:00:00Z' } }],
    };
    await expect(parseImport(await zipOf(badRating), 'export.zip')).rejects.toMatchObject({
      reason: expect.stringMatching(/^filmlog\.json: films\.0\.rating\.rating/) as string,
    });
    await expect(
      parseImport(await letterboxdExport({ 'filmlog.json': '{ not json' }), 'export.zip'),
    ).rejects.toMatchObject({ reason: 'filmlog.json is not JSON' });
  });
});
