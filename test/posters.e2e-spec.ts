import request from 'supertest';
import sharp from 'sharp';
import {
  HTML,
  picture,
  pngClaiming,
  sidewaysJpeg,
  SVG,
} from '../src/modules/catalog/posters/testing/hostile-images.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Poster {
  width: number;
  height: number;
  sizes: Record<'150' | '300' | '600', string>;
}

describe('posters (e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let admin: TestUser;
  let year = 1930;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    server = testApp.app.getHttpServer();
    admin = await registerUser(testApp.app, { roles: ['admin'] });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const film = () => addFilm(testApp.app, { title: 'Poster test', year: (year += 1) });
  const upload = (filmId: string, body: Buffer, type = 'image/jpeg', user: TestUser = admin) =>
    request(server)
      .put(`/api/v1/films/${filmId}/poster`)
      .set('Authorization', bearer(user))
      .set('Content-Type', type)
      .send(body);
  const posterOf = async (filmId: string): Promise<Poster | null> =>
    (await request(server).get(`/api/v1/films/${filmId}`).expect(200)).body.poster as Poster | null;

  it('makes an upload into WebP variants served from immutable, content-named URLs', async () => {
    const target = await film();
    expect(await posterOf(target.id)).toBeNull();

    const response = await upload(target.id, await picture(800, 1200, 'jpeg'));
    expect(response.status).toBe(200);
    const poster = response.body.poster as Poster;
    expect(poster).toEqual({
      width: 800,
      height: 1200,
      sizes: {
        '150': expect.stringMatching(/^\/images\/posters\/[0-9a-f]{32}\.webp$/),
        '300': expect.stringMatching(/^\/images\/posters\/[0-9a-f]{32}\.webp$/),
        '600': expect.stringMatching(/^\/images\/posters\/[0-9a-f]{32}\.webp$/),
      },
    });
    expect(await posterOf(target.slug)).toEqual(poster);

    for (const [width, url] of Object.entries(poster.sizes)) {
      const served = await request(server).get(url).buffer(true).parse(binary);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const decoded = await sharp(served.body as Buffer).metadata();
      expect([decoded.format, decoded.width]).toEqual(['webp', Number(width)]);
      const again = await request(server).get(url).set('If-None-Match', served.headers['etag']!);
      expect(again.status).toBe(304);
    }
  });

  it('turns a sideways photo upright and serves it without its EXIF', async () => {
    const target = await film();
    const response = await upload(target.id, await sidewaysJpeg(900, 600));
    expect(response.status).toBe(200);
    const poster = response.body.poster as Poster;
    expect([poster.width, poster.height]).toEqual([600, 900]);
    const served = await request(server).get(poster.sizes['300']).buffer(true).parse(binary);
    const decoded = await sharp(served.body as Buffer).metadata();
    expect([decoded.width, decoded.height, decoded.exif]).toEqual([300, 450, undefined]);
  });

  it('replaces a poster, and takes it away, removing the files no poster uses', async () => {
    const target = await film();
    // Colours no other test uses: one picture on two films is one file, kept while either uses it.
    const first = (await upload(target.id, await picture(300, 450, 'png', '#0a7f3b'), 'image/png')).body
      .poster as Poster;
    const second = (await upload(target.id, await picture(310, 465, 'webp', '#1f2a9c'), 'image/webp')).body
      .poster as Poster;
    expect(second.sizes['150']).not.toBe(first.sizes['150']);
    await request(server).get(first.sizes['150']).expect(404);
    const kept = await request(server).get(second.sizes['150']).expect(200);
    // A reader revalidating a file no poster uses any more is told it is gone, not that it is fresh.
    const removedTag = `"${first.sizes['150'].match(/([0-9a-f]{32})\.webp$/)![1]}"`;
    await request(server).get(first.sizes['150']).set('If-None-Match', removedTag).expect(404);
    await request(server).get(second.sizes['150']).set('If-None-Match', kept.headers['etag']!).expect(304);

    await request(server)
      .delete(`/api/v1/films/${target.id}/poster`)
      .set('Authorization', bearer(admin))
      .expect(204);
    expect(await posterOf(target.id)).toBeNull();
    await request(server).get(second.sizes['150']).expect(404);
  });

  it('keeps a file two films share until neither uses it', async () => {
    const [one, two] = [await film(), await film()];
    const same = await picture(240, 360, 'png', '#6b4f1d');
    const shared = (await upload(one.id, same, 'image/png')).body.poster as Poster;
    expect(((await upload(two.id, same, 'image/png')).body.poster as Poster).sizes).toEqual(shared.sizes);

    await request(server)
      .delete(`/api/v1/films/${one.id}/poster`)
      .set('Authorization', bearer(admin))
      .expect(204);
    await request(server).get(shared.sizes['300']).expect(200);
    await request(server)
      .delete(`/api/v1/films/${two.id}/poster`)
      .set('Authorization', bearer(admin))
      .expect(204);
    await request(server).get(shared.sizes['300']).expect(404);
  });

  it.each([
    ['text sent as a JPEG', () => Buffer.from('hello, not a picture'), 'image/jpeg'],
    ['an HTML page sent as a PNG', () => HTML, 'image/png'],
    ['an SVG sent as a PNG', () => SVG, 'image/png'],
    ['a truncated JPEG', async () => (await picture(800, 1200, 'jpeg')).subarray(0, 1500), 'image/jpeg'],
    [
      'a decompression bomb (a tiny PNG claiming 100,000 × 100,000 pixels)',
      () => pngClaiming(100_000, 100_000),
      'image/png',
    ],
  ])('refuses %s with a 400 naming the body, and keeps the poster it had', async (_label, bytes, type) => {
    const target = await film();
    const kept = (await upload(target.id, await picture(200, 300))).body.poster as Poster;

    const response = await upload(target.id, await bytes(), type);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    expect(await posterOf(target.id)).toEqual(kept);
  });

  it('refuses a body over 10 MB (413) and other content types (415)', async () => {
    const target = await film();
    const tooLarge = await upload(target.id, Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(PROBLEM_JSON);
    for (const type of ['image/gif', 'application/octet-stream', 'text/plain']) {
      const refused = await upload(target.id, await picture(100, 150, 'png'), type);
      expect([type, refused.status]).toEqual([type, 415]);
    }
    expect(await posterOf(target.id)).toBeNull();
  });

  it('lets only admins set or take posters, and answers 404 for an unknown film or image', async () => {
    const target = await film();
    const member = await registerUser(testApp.app);
    expect((await upload(target.id, await picture(100, 150), 'image/jpeg', member)).status).toBe(403);
    await request(server)
      .put(`/api/v1/films/${target.id}/poster`)
      .set('Content-Type', 'image/jpeg')
      .send(await picture(100, 150))
      .expect(401);
    expect((await upload('no-such-film', await picture(100, 150))).status).toBe(404);
    for (const path of [
      '/images/posters/0123456789abcdef0123456789abcdef.webp',
      '/images/originals/0123456789abcdef0123456789abcdef.jpeg',
      '/images/posters/..%2F..%2Fpackage.json',
      '/images/nothing',
    ]) {
      const response = await request(server).get(path);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });
});

/** Supertest keeps a binary body as a Buffer with this parser. */
function binary(response: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
