import { toFilmDraft } from './film-draft.js';
import { validateFilmRequest, type FilmValidation } from './film-request.js';

const paris = {
  title: 'Paris',
  originalTitle: 'Paris',
  year: 2008,
  runtimeMinutes: 130,
  synopsis: 'A dancer, ill, watches Paris from his balcony.',
  directors: [{ name: 'Cédric Klapisch' }],
  cast: [{ name: 'Juliette Binoche' }, { id: '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10' }],
  genres: ['Drama', 'comedy'],
  languages: ['FR', 'en'],
  countries: ['fr'],
  classification: 'M offensive language',
  externalIds: { imdb: 'tt0869994', tmdb: 8276 },
  criticReviews: [
    { outlet: 'Le Monde', region: 'FR', excerpt: 'Un film choral.', url: 'https://lemonde.fr/x' },
  ],
};

const fieldsOf = (result: FilmValidation): string[] =>
  result.ok ? [] : result.errors.map((error) => error.field).sort();

describe('validateFilmRequest', () => {
  it('accepts the full film shape and the smallest one', async () => {
    expect((await validateFilmRequest(paris)).ok).toBe(true);
    expect((await validateFilmRequest({ title: 'Holy Motors' })).ok).toBe(true);
  });

  it('names every bad field', async () => {
    const result = await validateFilmRequest({
      ...paris,
      title: ' ',
      year: 1869,
      runtimeMinutes: 0,
      languages: ['french'],
      countries: ['UK'],
      externalIds: { imdb: 'nm123', tmdb: -1 },
      criticReviews: [{ outlet: 'X', excerpt: '', url: 'javascript:alert(1)' }],
    });

    expect(fieldsOf(result)).toEqual([
      'countries',
      'criticReviews.0.excerpt',
      'criticReviews.0.url',
      'externalIds.imdb',
      'externalIds.tmdb',
      'languages',
      'runtimeMinutes',
      'title',
      'year',
    ]);
  });

  it('requires a title and refuses unknown fields at any depth', async () => {
    const result = await validateFilmRequest({ year: 2008, rating: 5, externalIds: { letterboxd: 'x' } });

    expect(fieldsOf(result)).toEqual(['externalIds.letterboxd', 'rating', 'title']);
  });

  it('takes a year up to ten years ahead, not further', async () => {
    const thisYear = new Date().getUTCFullYear();
    expect((await validateFilmRequest({ title: 'Soon', year: thisYear + 10 })).ok).toBe(true);
    expect(fieldsOf(await validateFilmRequest({ title: 'Later', year: thisYear + 11 }))).toEqual(['year']);
    expect(fieldsOf(await validateFilmRequest({ title: 'Text', year: '2008' }))).toEqual(['year']);
  });

  it('wants each person by id or by name, exactly one', async () => {
    const both = { id: '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10', name: 'Juliette Binoche' };
    expect(fieldsOf(await validateFilmRequest({ title: 'x', directors: [both] }))).toEqual(['directors']);
    expect(fieldsOf(await validateFilmRequest({ title: 'x', cast: [{}] }))).toEqual(['cast']);
    expect(fieldsOf(await validateFilmRequest({ title: 'x', cast: [{ id: null, name: null }] }))).toEqual([
      'cast',
    ]);
    const nullId = await validateFilmRequest({ title: 'x', cast: [{ id: null, name: 'Denis Lavant' }] });
    expect(nullId.ok && toFilmDraft(nullId.value).cast).toEqual([{ name: 'Denis Lavant' }]);
    expect(fieldsOf(await validateFilmRequest({ title: 'x', cast: [{ id: 'abc' }] }))).toEqual(['cast.0.id']);
    expect(fieldsOf(await validateFilmRequest({ title: 'x', cast: ['Juliette Binoche'] }))).toEqual([
      'cast.0',
    ]);
  });

  it('bounds the sizes of lists and texts', async () => {
    const result = await validateFilmRequest({
      title: 'x'.repeat(301),
      genres: Array.from({ length: 21 }, (_, i) => `genre ${i}`),
      cast: Array.from({ length: 201 }, (_, i) => ({ name: `Actor ${i}` })),
    });
    expect(fieldsOf(result)).toEqual(['cast', 'genres', 'title']);
  });

  it('refuses a body that is not an object', async () => {
    expect(fieldsOf(await validateFilmRequest(['Paris']))).toEqual(['film']);
    expect(fieldsOf(await validateFilmRequest(null))).toEqual(['film']);
  });
});

describe('toFilmDraft', () => {
  it('stores codes in their canonical case, genres as kebab, without repeats', async () => {
    const result = await validateFilmRequest({
      ...paris,
      genres: ['Science Fiction', 'science-fiction', 'Drama'],
      languages: ['FR', 'fr', 'en'],
      countries: ['fr', 'BE'],
      originalTitle: '  ',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const draft = toFilmDraft(result.value);

    expect(draft.genres).toEqual(['science-fiction', 'drama']);
    expect(draft.languages).toEqual(['fr', 'en']);
    expect(draft.countries).toEqual(['FR', 'BE']);
    expect(draft.originalTitle).toBeNull();
    expect(draft.cast).toEqual([
      { name: 'Juliette Binoche' },
      { id: '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10' },
    ]);
  });
});
