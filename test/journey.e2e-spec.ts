import request from 'supertest';
import { bearer, registerUser, uniqueUsername } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What a newcomer does first: create an account, sign in, find a film and open its page. */
describe('journey: register → sign in → /me → search → film page', () => {
  let testApp: TestApp;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp();
    const admin = await registerUser(testApp.app, { roles: ['admin'] });
    await http()
      .post('/api/v1/films')
      .set('Authorization', bearer(admin))
      .send({
        title: 'Paris',
        originalTitle: 'Paris',
        year: 2008,
        runtimeMinutes: 130,
        directors: [{ name: 'Cédric Klapisch' }],
        cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }],
        genres: ['comedy', 'drama'],
        languages: ['fr', 'en'],
        countries: ['FR'],
        externalIds: { imdb: 'tt0869994' },
      })
      .expect(201);
  });

  afterAll(() => testApp.close());

  it('works end to end over HTTP', async () => {
    const username = uniqueUsername('newcomer');
    const password = 'a long enough password';
    const registered = await http()
      .post('/api/v1/auth/register')
      .send({ username, email: `${username}@example.org`, password })
      .expect(201);

    const signedIn = await http().post('/api/v1/auth/login').send({ login: username, password }).expect(200);
    expect(signedIn.body.user).toEqual(registered.body.user);
    const token = signedIn.body.accessToken as string;

    const me = await http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ id: registered.body.user.id, username, roles: ['member'] });

    const found = await http()
      .get('/api/v1/films')
      .query({ q: 'cedric klapisch' })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const [first] = found.body.items as { id: string; slug: string; title: string }[];
    expect(first).toMatchObject({ slug: 'paris-2008', title: 'Paris' });

    const page = await http().get(`/api/v1/films/${first!.slug}`).expect(200);
    expect(page.body).toMatchObject({
      id: first!.id,
      year: 2008,
      runtimeMinutes: 130,
      directors: [{ name: 'Cédric Klapisch' }],
      cast: [{ name: 'Juliette Binoche' }, { name: 'Romain Duris' }],
      languages: ['fr', 'en'],
      countries: ['FR'],
      externalIds: { imdb: 'tt0869994' },
    });
    await http().get(`/api/v1/films/${first!.id}`).expect(200);
  });
});
