import request from 'supertest';
import { bearer, registerUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface PersonFilmBody {
  id: string;
  slug: string;
  title: string;
  year: number | null;
}

interface PersonBody {
  id: string;
  slug: string;
  name: string;
  directed: PersonFilmBody[];
  cast: PersonFilmBody[];
}

interface CreditBody {
  id: string;
  slug: string;
  name: string;
}

describe('people over HTTP', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());
  const person = async (reference: string): Promise<PersonBody> =>
    (
      await http()
        .get(`/api/v1/people/${encodeURIComponent(reference)}`)
        .expect(200)
    ).body as PersonBody;
  const shortFilm = ({ id, slug, title, year }: PersonFilmBody) => ({ id, slug, title, year });

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(() => testApp?.close());

  describe('a person’s films', () => {
    const films: Record<string, PersonFilmBody> = {};

    beforeAll(async () => {
      const klapisch = { name: 'Cédric Klapisch' };
      const written = {
        paris: await addFilm(testApp.app, {
          title: 'Paris',
          year: 2008,
          directors: [klapisch],
          cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }],
        }),
        auberge: await addFilm(testApp.app, {
          title: "L'Auberge espagnole",
          year: 2002,
          directors: [{ name: 'CEDRIC KLAPISCH' }],
          cast: [{ name: 'Romain Duris' }],
        }),
        chat: await addFilm(testApp.app, {
          title: 'Chacun cherche son chat',
          year: 1996,
          directors: [klapisch],
        }),
        air: await addFilm(testApp.app, {
          title: 'Un air de famille',
          year: 1996,
          directors: [{ name: 'Agnès Jaoui' }],
          cast: [klapisch],
        }),
        short: await addFilm(testApp.app, { title: 'Ce qui me meut', year: null, directors: [klapisch] }),
        motors: await addFilm(testApp.app, { title: 'Holy Motors', year: 2012, cast: [klapisch, klapisch] }),
      };
      for (const [key, film] of Object.entries(written)) films[key] = shortFilm(film);
    });

    it('are found by slug and by id, newest first, unknown years last, then by title', async () => {
      const bySlug = await person('cedric-klapisch');
      const byId = await person(bySlug.id);
      const byUpperCaseId = await person(bySlug.id.toUpperCase());

      expect(byId).toEqual(bySlug);
      expect(byUpperCaseId).toEqual(bySlug);
      expect(bySlug).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'cedric-klapisch',
        name: 'Cédric Klapisch',
        directed: [films.paris, films.auberge, films.chat, films.short],
        cast: [films.motors, films.air],
      });
    });

    it('put films of the same year in title order', async () => {
      const chat = await addFilm(testApp.app, {
        title: 'Riens du tout',
        year: 1996,
        directors: [{ name: 'Cédric Klapisch' }],
      });

      const { directed } = await person('cedric-klapisch');

      expect(directed.filter((film) => film.year === 1996).map((film) => film.title)).toEqual([
        'Chacun cherche son chat',
        chat.title,
      ]);
    });

    it('are an empty list for a role the person never had', async () => {
      expect(await person('agnes-jaoui')).toMatchObject({ directed: [films.air], cast: [] });
    });
  });

  describe('film shapes', () => {
    it('give each director and cast member their slug, on a film and in the search', async () => {
      const film = await addFilm(testApp.app, {
        title: 'Three Colours: Blue',
        year: 1993,
        directors: [{ name: 'Krzysztof Kieślowski' }],
        cast: [{ name: 'Juliette Binoche' }, { name: 'Benoît Régent' }],
      });

      const read = (await http().get(`/api/v1/films/${film.slug}`).expect(200)).body as {
        directors: CreditBody[];
        cast: CreditBody[];
      };
      const found = (await http().get('/api/v1/films').query({ q: 'kieslowski' }).expect(200)).body as {
        items: { directors: CreditBody[] }[];
      };

      expect(read.directors).toEqual([
        { id: expect.any(String), slug: 'krzysztof-kieslowski', name: 'Krzysztof Kieślowski' },
      ]);
      expect(read.cast.map((credit) => credit.slug)).toEqual(['juliette-binoche', 'benoit-regent']);
      expect(found.items.map((item) => item.directors)).toEqual([read.directors]);
      expect((await person(read.directors[0]!.slug)).directed.map((each) => each.id)).toEqual([film.id]);
    });
  });

  describe('slugs', () => {
    it('fold accents and letters that do not decompose into lowercase ASCII', async () => {
      const film = await addFilm(testApp.app, {
        title: 'Ida',
        year: 2013,
        directors: [{ name: 'Paweł Pawlikowski' }],
        cast: [{ name: 'Agata Trzebuchowska' }, { name: 'Søren Malling' }, { name: 'ÉLODIE BOUCHEZ' }],
      });

      expect([...film.directors, ...film.cast].map((credit) => credit.slug)).toEqual([
        'pawel-pawlikowski',
        'agata-trzebuchowska',
        'soren-malling',
        'elodie-bouchez',
      ]);
      expect((await person('pawel-pawlikowski')).name).toBe('Paweł Pawlikowski');
    });

    it('stay apart for two people whose names make the same slug, the later one suffixed', async () => {
      const first = await addFilm(testApp.app, {
        title: 'Les Quatre Cents Coups',
        year: 1959,
        cast: [{ name: 'Jean-Pierre Léaud' }],
      });
      const second = await addFilm(testApp.app, {
        title: 'La Maman et la Putain',
        year: 1973,
        cast: [{ name: 'Jean Pierre Leaud' }],
      });

      const [one, two] = [first.cast[0]!, second.cast[0]!];
      expect([one.slug, two.slug]).toEqual(['jean-pierre-leaud', 'jean-pierre-leaud-2']);
      expect(one.id).not.toBe(two.id);
      expect((await person('jean-pierre-leaud')).cast.map((film) => film.title)).toEqual([
        'Les Quatre Cents Coups',
      ]);
      expect((await person('jean-pierre-leaud-2')).cast.map((film) => film.title)).toEqual([
        'La Maman et la Putain',
      ]);
    });

    it('do not change when the person is credited again under another spelling', async () => {
      const film = await addFilm(testApp.app, {
        title: 'Pierrot le Fou',
        year: 1965,
        cast: [{ name: 'jean-pierre LÉAUD' }],
      });

      expect(film.cast[0]).toMatchObject({ slug: 'jean-pierre-leaud', name: 'Jean-Pierre Léaud' });
    });
  });

  describe('refusals', () => {
    it('is a 404 problem for an unknown slug, an unknown id or a malformed id', async () => {
      const references = [
        'no-such-person',
        '00000000-0000-4000-8000-000000000000',
        '1234-not-a-uuid',
        'x'.repeat(300),
      ];
      const responses = await Promise.all(
        references.map((reference) => http().get(`/api/v1/people/${reference}`)),
      );

      expect(responses.map((response) => [response.status, response.body.detail])).toEqual(
        references.map((reference) => [404, `No person ${reference.slice(0, 200)}`]),
      );
      for (const response of responses) expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('is public, but a bad token is still refused', async () => {
      const member = await registerUser(testApp.app);
      await http()
        .get('/api/v1/people/cedric-klapisch')
        .set('Authorization', 'Bearer not-a-token')
        .expect(401);
      await http().get('/api/v1/people/cedric-klapisch').set('Authorization', bearer(member)).expect(200);
    });
  });
});
