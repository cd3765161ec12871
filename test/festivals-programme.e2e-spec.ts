import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EDITION = {
  startsOn: '2008-08-13',
  endsOn: '2008-08-24',
  timeZone: 'Europe/London',
  ticketPrice: { amount: '10.95', currency: 'GBP' },
  bulkDiscounts: [
    { minFilms: 10, percent: 35 },
    { minFilms: 6, percent: 25 },
  ],
};

describe('festival programme: admin writes and public reads', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let paris: Film;
  let tsotsi: Film;
  let unselected: Film;
  const http = () => request(testApp.app.getHttpServer());
  const put = (path: string, body: object, user: TestUser = admin) =>
    http().put(`/api/v1${path}`).set('Authorization', bearer(user)).send(body);
  const post = (path: string, body: object) =>
    http().post(`/api/v1${path}`).set('Authorization', bearer(admin)).send(body);
  const get = (path: string) => http().get(`/api/v1${path}`);

  /** A refusal: its status, problem+json, and the fields it names. */
  const refused = (response: request.Response, status: number, fields: string[]): void => {
    expect({ status: response.status, fields: fieldsOf(response.body as ProblemBody) }).toEqual({
      status,
      fields,
    });
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await registerUser(testApp.app, { roles: ['admin'] });
    member = await registerUser(testApp.app);
    paris = await addFilm(testApp.app, {
      title: 'Paris',
      year: 2008,
      runtimeMinutes: 130,
      countries: ['FR'],
    });
    tsotsi = await addFilm(testApp.app, { title: 'Tsotsi', year: 2005, countries: ['ZA', 'GB'] });
    unselected = await addFilm(testApp.app, { title: 'Not Chosen', year: 2008 });
    await put('/festivals/eiff', { name: 'Edinburgh International Film Festival' }).expect(201);
    await put('/festivals/eiff/2008', EDITION).expect(201);
    await put('/festivals/eiff/2008/strands/directors-showcase', { name: "Directors' Showcase" }).expect(201);
    await put('/festivals/eiff/2008/strands/gala', { name: 'Galas' }).expect(201);
    await put(`/festivals/eiff/2008/films/${paris.slug}`, {
      strand: 'directors-showcase',
      premiere: 'uk',
    }).expect(201);
    await put(`/festivals/eiff/2008/films/${tsotsi.id}`, { strand: 'gala', gala: 'opening' }).expect(201);
  });

  afterAll(() => testApp.close());

  describe('who may write', () => {
    it('refuses writes without a token (401) and from members (403)', async () => {
      refused(await http().put('/api/v1/festivals/eiff').send({ name: 'X' }), 401, []);
      refused(await put('/festivals/eiff', { name: 'X' }, member), 403, []);
      refused(await http().delete('/api/v1/screenings/00000000-0000-4000-8000-000000000000'), 401, []);
    });
  });

  describe('upserts', () => {
    it('answers 201 then 200 with the same resource, and 200 with the change', async () => {
      const first = await put('/festivals/cannes', {
        name: 'Cannes',
        description: 'On the Croisette',
      }).expect(201);
      const again = await put('/festivals/cannes', {
        name: 'Cannes',
        description: 'On the Croisette',
      }).expect(200);
      expect(again.body).toEqual(first.body);
      expect(first.body).toEqual({ slug: 'cannes', name: 'Cannes', description: 'On the Croisette' });
      const renamed = await put('/festivals/cannes', { name: 'Festival de Cannes' }).expect(200);
      expect(renamed.body).toEqual({ slug: 'cannes', name: 'Festival de Cannes', description: null });
    });

    it('answers an edition with its price as text and its tiers by threshold', async () => {
      const again = await put('/festivals/eiff/2008', EDITION).expect(200);
      expect(again.body).toEqual({
        festival: { slug: 'eiff', name: 'Edinburgh International Film Festival' },
        year: 2008,
        startsOn: '2008-08-13',
        endsOn: '2008-08-24',
        timeZone: 'Europe/London',
        ticketPrice: { amount: '10.95', currency: 'GBP' },
        bulkDiscounts: [
          { minFilms: 6, percent: 25 },
          { minFilms: 10, percent: 35 },
        ],
      });
    });

    it('answers a selection with its film and strand; the same PUT again is 200 and equal', async () => {
      const body = { strand: 'directors-showcase', premiere: 'uk', note: 'Director in person' };
      const changed = await put(`/festivals/eiff/2008/films/${paris.slug}`, body).expect(200);
      expect(changed.body).toEqual({
        film: { id: paris.id, slug: paris.slug, title: 'Paris', year: 2008 },
        strand: { slug: 'directors-showcase', name: "Directors' Showcase" },
        premiere: 'uk',
        gala: null,
        note: 'Director in person',
      });
      expect((await put(`/festivals/eiff/2008/films/${paris.slug}`, body).expect(200)).body).toEqual(
        changed.body,
      );
    });
  });

  describe('bad input', () => {
    it.each([
      ['a festival slug with capitals', '/festivals/EIFF', { name: 'X' }, 400, ['festival']],
      ['an empty name', '/festivals/eiff', { name: '  ' }, 400, ['name']],
      ['an unknown field', '/festivals/eiff', { name: 'X', colour: 'red' }, 400, ['colour']],
      ['a year that is not four digits', '/festivals/eiff/08', EDITION, 400, ['year']],
      [
        'an unknown time zone',
        '/festivals/eiff/2009',
        { ...EDITION, timeZone: 'Europe/Edinburgh' },
        400,
        ['timeZone'],
      ],
      [
        'an end before the start',
        '/festivals/eiff/2009',
        { ...EDITION, endsOn: '2008-08-12' },
        400,
        ['endsOn'],
      ],
      [
        'an impossible date',
        '/festivals/eiff/2009',
        { ...EDITION, startsOn: '2008-02-30' },
        400,
        ['startsOn'],
      ],
      [
        'an amount with one decimal and a lowercase currency',
        '/festivals/eiff/2009',
        { ...EDITION, ticketPrice: { amount: '10.9', currency: 'gbp' } },
        400,
        ['ticketPrice.amount', 'ticketPrice.currency'],
      ],
      [
        'discount tiers out of range',
        '/festivals/eiff/2009',
        { ...EDITION, bulkDiscounts: [{ minFilms: 0, percent: 101 }] },
        400,
        ['bulkDiscounts.0.minFilms', 'bulkDiscounts.0.percent'],
      ],
      [
        'two tiers at one threshold',
        '/festivals/eiff/2009',
        {
          ...EDITION,
          bulkDiscounts: [
            { minFilms: 6, percent: 10 },
            { minFilms: 6, percent: 20 },
          ],
        },
        400,
        ['bulkDiscounts'],
      ],
      ['an edition of an unknown festival', '/festivals/nowhere/2008', EDITION, 404, []],
      [
        'a strand slug with a space',
        '/festivals/eiff/2008/strands/new%20wave',
        { name: 'X' },
        400,
        ['strand'],
      ],
      ['a strand of an unknown edition', '/festivals/eiff/1999/strands/x', { name: 'X' }, 404, []],
      [
        'a selection of a film that does not exist',
        '/festivals/eiff/2008/films/paris-x',
        { strand: 'nope' },
        404,
        [],
      ],
      [
        'a premiere that is not one',
        '/festivals/eiff/2008/films/x',
        { strand: 'gala', premiere: 'galactic' },
        400,
        ['premiere'],
      ],
    ])('refuses %s', async (_, path, body, status, fields) => {
      refused(await put(path, body), status, fields);
    });

    it('names the strand of a selection when the edition has no such strand (422)', async () => {
      const response = await put(`/festivals/eiff/2008/films/${unselected.slug}`, {
        strand: 'midnight-madness',
      });
      refused(response, 422, ['strand']);
      expect((response.body as { code: string }).code).toBe('unknown-strand');
    });

    it.each([
      [
        'a film that is not selected',
        () => ({ film: unselected.slug, venue: 'Cameo', startsAt: '2008-08-14T18:00' }),
        422,
        ['film'],
      ],
      [
        // No such film is selected either: the same refusal, whatever the reference names.
        'a film that does not exist',
        () => ({ film: 'no-such-film', venue: 'Cameo', startsAt: '2008-08-14T18:00' }),
        422,
        ['film'],
      ],
      [
        'a start before the edition',
        () => ({ film: paris.id, venue: 'Cameo', startsAt: '2008-08-12T23:59' }),
        422,
        ['startsAt'],
      ],
      [
        'a start after the edition',
        () => ({ film: paris.id, venue: 'Cameo', startsAt: '2008-08-25T00:00' }),
        422,
        ['startsAt'],
      ],
      [
        'a start with seconds',
        () => ({ film: paris.id, venue: 'Cameo', startsAt: '2008-08-14T18:00:00' }),
        400,
        ['startsAt'],
      ],
      [
        'a start at 25 o’clock',
        () => ({ film: paris.id, venue: 'Cameo', startsAt: '2008-08-14T25:00' }),
        400,
        ['startsAt'],
      ],
      [
        'an empty venue and no film',
        () => ({ venue: '', startsAt: '2008-08-14T18:00' }),
        400,
        ['film', 'venue'],
      ],
    ])('refuses a screening of %s', async (_, body, status, fields) => {
      refused(await post('/festivals/eiff/2008/screenings', body()), status, fields);
    });

    it('answers 404 for a screening in an unknown edition', async () => {
      refused(
        await post('/festivals/eiff/1999/screenings', {
          film: paris.id,
          venue: 'Cameo',
          startsAt: '1999-08-14T18:00',
        }),
        404,
        [],
      );
    });
  });

  describe('screenings and the browse API', () => {
    let late: { id: string; startsAt: string; endsAt: string };
    let opening: { id: string };

    beforeAll(async () => {
      late = (
        await post('/festivals/eiff/2008/screenings', {
          film: paris.slug,
          venue: 'Filmhouse 1',
          startsAt: '2008-08-16T00:30',
        }).expect(201)
      ).body as typeof late;
      opening = (
        await post('/festivals/eiff/2008/screenings', {
          film: tsotsi.slug,
          venue: 'Festival Theatre',
          startsAt: '2008-08-13T19:30',
        }).expect(201)
      ).body as typeof opening;
      await post('/festivals/eiff/2008/screenings', {
        film: paris.slug,
        venue: 'Cineworld 3',
        startsAt: '2008-08-17T14:00',
      }).expect(201);
    });

    it('answers a screening at 00:30 with the summer offset, ending after its runtime', async () => {
      expect(late).toEqual({
        id: expect.any(String),
        film: { id: paris.id, slug: paris.slug, title: 'Paris', year: 2008 },
        venue: 'Filmhouse 1',
        startsAt: '2008-08-16T00:30:00+01:00',
        endsAt: '2008-08-16T02:40:00+01:00',
      });
    });

    it('finds the same screening again when it is posted twice (200, same id)', async () => {
      const again = await post('/festivals/eiff/2008/screenings', {
        film: paris.id,
        venue: 'Filmhouse 1',
        startsAt: '2008-08-16T00:30',
      }).expect(200);
      expect(again.body).toEqual(late);
    });

    it('lists the screenings of a local day, the one after midnight included', async () => {
      const day = (await get('/festivals/eiff/2008/screenings').query({ day: '2008-08-16' }).expect(200))
        .body;
      expect(day).toEqual({ items: [late] });
      const before = (await get('/festivals/eiff/2008/screenings').query({ day: '2008-08-15' }).expect(200))
        .body;
      expect(before).toEqual({ items: [] });
      expect(
        (await get('/festivals/eiff/2008/screenings').query({ day: '2009-01-01' }).expect(200)).body,
      ).toEqual({ items: [] });
      refused(await get('/festivals/eiff/2008/screenings').query({ day: '16/08/2008' }), 400, ['day']);
      refused(await get('/festivals/eiff/2008/screenings'), 400, ['day']);
      refused(await get('/festivals/eiff/2007/screenings').query({ day: '2008-08-16' }), 404, []);
    });

    it('lists festivals with their editions', async () => {
      const { items } = (await get('/festivals').expect(200)).body as { items: { slug: string }[] };
      expect(items.find((festival) => festival.slug === 'eiff')).toEqual({
        slug: 'eiff',
        name: 'Edinburgh International Film Festival',
        editions: [{ year: 2008, startsOn: '2008-08-13', endsOn: '2008-08-24' }],
      });
    });

    it('shows an edition with strand, day and continent counts', async () => {
      const edition = (await get('/festivals/eiff/2008').expect(200)).body as Record<string, unknown>;
      expect(edition.strands).toEqual([
        { slug: 'directors-showcase', name: "Directors' Showcase", description: null, films: 1 },
        { slug: 'gala', name: 'Galas', description: null, films: 1 },
      ]);
      const days = edition.days as { date: string; screenings: number }[];
      expect(days).toHaveLength(12);
      expect(days.filter((day) => day.screenings > 0)).toEqual([
        { date: '2008-08-13', screenings: 1 },
        { date: '2008-08-16', screenings: 1 },
        { date: '2008-08-17', screenings: 1 },
      ]);
      expect(edition.continents).toEqual([
        { code: 'AF', name: 'Africa', films: 1 },
        { code: 'EU', name: 'Europe', films: 2 },
      ]);
      refused(await get('/festivals/eiff/2007'), 404, []);
      refused(await get('/festivals/nowhere/2008'), 404, []);
    });

    it('lists the edition’s films by title, filtered and paged', async () => {
      const titles = async (query: Record<string, string>) =>
        (
          (await get('/festivals/eiff/2008/films').query(query).expect(200)).body as {
            items: { film: { title: string } }[];
          }
        ).items.map((item) => item.film.title);
      expect(await titles({})).toEqual(['Paris', 'Tsotsi']);
      expect(await titles({ strand: 'gala' })).toEqual(['Tsotsi']);
      expect(await titles({ continent: 'AF' })).toEqual(['Tsotsi']);
      expect(await titles({ country: 'fr' })).toEqual(['Paris']);
      expect(await titles({ continent: 'NA' })).toEqual([]);
      const first = (await get('/festivals/eiff/2008/films').query({ limit: '1' }).expect(200)).body;
      expect(first.items[0].film).toEqual({
        id: paris.id,
        slug: paris.slug,
        title: 'Paris',
        year: 2008,
        countries: ['FR'],
      });
      expect(first.items[0].screenings.map((s: { venue: string }) => s.venue)).toEqual([
        'Filmhouse 1',
        'Cineworld 3',
      ]);
      const second = (
        await get('/festivals/eiff/2008/films').query({ limit: '1', cursor: first.nextCursor }).expect(200)
      ).body;
      expect(second.items.map((item: { film: { title: string } }) => item.film.title)).toEqual(['Tsotsi']);
      expect(second.nextCursor).toBeNull();
    });

    it('with a day, keeps the films screening then and only those screenings', async () => {
      const page = (await get('/festivals/eiff/2008/films').query({ day: '2008-08-17' }).expect(200)).body;
      expect(page.items).toHaveLength(1);
      expect(page.items[0].screenings).toEqual([
        expect.objectContaining({ venue: 'Cineworld 3', startsAt: '2008-08-17T14:00:00+01:00' }),
      ]);
    });

    it.each([
      [{ day: '2008-13-01' }, 400, ['day']],
      [{ continent: 'EUR' }, 400, ['continent']],
      [{ country: 'XX' }, 400, ['country']],
      [{ cursor: 'not-a-cursor' }, 400, ['cursor']],
      [{ limit: '101' }, 400, ['limit']],
      [{ strand: 'midnight' }, 404, []],
    ])('refuses the films filter %j', async (query, status, fields) => {
      refused(await get('/festivals/eiff/2008/films').query(query), status, fields);
    });

    it('lists a film’s festivals with its screenings', async () => {
      const body = (await get(`/films/${paris.slug}/festivals`).expect(200)).body;
      expect(body.items).toEqual([
        {
          festival: { slug: 'eiff', name: 'Edinburgh International Film Festival' },
          year: 2008,
          strand: { slug: 'directors-showcase', name: "Directors' Showcase" },
          premiere: 'uk',
          gala: null,
          screenings: [
            { id: late.id, venue: 'Filmhouse 1', startsAt: late.startsAt, endsAt: late.endsAt },
            expect.objectContaining({ venue: 'Cineworld 3' }),
          ],
        },
      ]);
      expect((await get(`/films/${unselected.id}/festivals`).expect(200)).body).toEqual({ items: [] });
      refused(await get('/films/no-such-film/festivals'), 404, []);
    });

    it('refuses new dates that would leave a screening outside (422 naming the date)', async () => {
      refused(await put('/festivals/eiff/2008', { ...EDITION, endsOn: '2008-08-15' }), 422, ['endsOn']);
      refused(await put('/festivals/eiff/2008', { ...EDITION, startsOn: '2008-08-14' }), 422, ['startsOn']);
      expect((await get('/festivals/eiff/2008').expect(200)).body.endsOn).toBe('2008-08-24');
    });

    it('re-reads every local start when the edition moves to another zone', async () => {
      await put('/festivals/eiff/2008', { ...EDITION, timeZone: 'America/New_York' }).expect(200);
      const day = (await get('/festivals/eiff/2008/screenings').query({ day: '2008-08-16' }).expect(200))
        .body;
      expect(day.items[0].startsAt).toBe('2008-08-16T00:30:00-04:00');
      await put('/festivals/eiff/2008', EDITION).expect(200);
      const back = (await get('/festivals/eiff/2008/screenings').query({ day: '2008-08-16' }).expect(200))
        .body;
      expect(back.items[0].startsAt).toBe('2008-08-16T00:30:00+01:00');
    });

    it('deletes a screening (204), then does not find it (404)', async () => {
      const extra = (
        await post('/festivals/eiff/2008/screenings', {
          film: paris.id,
          venue: 'Cameo',
          startsAt: '2008-08-20T21:00',
        }).expect(201)
      ).body as { id: string };
      await http().delete(`/api/v1/screenings/${extra.id}`).set('Authorization', bearer(admin)).expect(204);
      refused(
        await http().delete(`/api/v1/screenings/${extra.id}`).set('Authorization', bearer(admin)),
        404,
        [],
      );
      refused(
        await http().delete('/api/v1/screenings/not-a-uuid').set('Authorization', bearer(admin)),
        404,
        [],
      );
      refused(
        await http().delete(`/api/v1/screenings/${opening.id}`).set('Authorization', bearer(member)),
        403,
        [],
      );
    });

    it('withdraws a selection with its screenings', async () => {
      await http()
        .delete(`/api/v1/festivals/eiff/2008/films/${tsotsi.slug}`)
        .set('Authorization', bearer(admin))
        .expect(204);
      expect(
        (await get('/festivals/eiff/2008/screenings').query({ day: '2008-08-13' }).expect(200)).body,
      ).toEqual({ items: [] });
      expect((await get(`/films/${tsotsi.id}/festivals`).expect(200)).body).toEqual({ items: [] });
      refused(
        await http()
          .delete(`/api/v1/festivals/eiff/2008/films/${tsotsi.slug}`)
          .set('Authorization', bearer(admin)),
        404,
        [],
      );
      refused(
        await http()
          .delete('/api/v1/festivals/eiff/2008/films/no-such-film')
          .set('Authorization', bearer(admin)),
        404,
        [],
      );
    });
  });

  describe('an edition across the end of summer time', () => {
    beforeAll(async () => {
      await put('/festivals/eiff/2009', { ...EDITION, startsOn: '2009-10-23', endsOn: '2009-10-27' }).expect(
        201,
      );
      await put('/festivals/eiff/2009/strands/late', { name: 'Late' }).expect(201);
      await put(`/festivals/eiff/2009/films/${paris.id}`, { strand: 'late' }).expect(201);
    });

    it('gives each screening the offset in force at its own instant; a repeated hour is the earlier', async () => {
      const at = async (startsAt: string) =>
        (
          (
            await post('/festivals/eiff/2009/screenings', {
              film: paris.id,
              venue: 'Cameo',
              startsAt,
            }).expect(201)
          ).body as { startsAt: string }
        ).startsAt;
      expect(await at('2009-10-24T20:00')).toBe('2009-10-24T20:00:00+01:00');
      expect(await at('2009-10-25T01:30')).toBe('2009-10-25T01:30:00+01:00');
      expect(await at('2009-10-26T20:00')).toBe('2009-10-26T20:00:00+00:00');
    });

    it('refuses a local start the clocks skip (422 naming startsAt)', async () => {
      await put('/festivals/spring', { name: 'Spring' }).expect(201);
      await put('/festivals/spring/2009', {
        startsOn: '2009-03-27',
        endsOn: '2009-03-30',
        timeZone: 'Europe/London',
      }).expect(201);
      await put('/festivals/spring/2009/strands/main', { name: 'Main' }).expect(201);
      await put(`/festivals/spring/2009/films/${paris.id}`, { strand: 'main' }).expect(201);
      const response = await post('/festivals/spring/2009/screenings', {
        film: paris.id,
        venue: 'Cameo',
        startsAt: '2009-03-29T01:30',
      });
      refused(response, 422, ['startsAt']);
      expect((await get('/festivals/spring/2009').expect(200)).body.ticketPrice).toBeNull();
    });
  });
});
