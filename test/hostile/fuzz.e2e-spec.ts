import type { AddressInfo } from 'node:net';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { ListClient } from '../support/list-client.js';
import { fieldsOf, PROBLEM_JSON, type ProblemBody } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { casesFor } from './support/families.js';
import { fuzzTargets, IMPORT_FILE, sentinelData } from './support/fuzz-data.js';
import { openApiDocument, operationsOf } from '../support/openapi.js';
import { faultOf } from './support/problem-check.js';
import { mapConcurrently, RawHttpClient, type RawResponse } from './support/raw-http.js';
import { Draft, seedOf, type RequestCase } from './support/request-cases.js';
import { deepJson, MULTIPART_BOUNDARY, multipartBody } from './support/wire.js';

const SEED = 0x5eed_f11e;
const CASES_PER_OPERATION = 66;
const CONCURRENCY = 16;
const MIN_REQUESTS = 10_000;
const API = '/api/v1';

type Identity = 'anonymous' | 'member' | 'admin';

/**
 * Left out: once it succeeds, every later request of the fuzzing members is a 401. The matrix and
 * the account-settings spec send it.
 */
const ENDS_THE_CALLERS_SESSIONS = new Set(['POST /api/v1/auth/sign-out-everywhere']);

interface Sent {
  readonly sent: RequestCase;
  readonly as: Identity;
  readonly status: number;
  readonly fault: string | null;
}

describe('every operation of the OpenAPI document under hostile input', () => {
  let testApp: TestApp;
  let client: RawHttpClient;
  let lists: ListClient;
  let users: Record<'sentinel' | 'member' | 'victim' | 'admin', TestUser>;

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    client = new RawHttpClient(port, CONCURRENCY);
    lists = new ListClient(testApp.app);
    users = {
      sentinel: await registerUser(testApp.app, { username: 'fuzz_sentinel' }),
      member: await registerUser(testApp.app, { username: 'fuzz_member' }),
      victim: await registerUser(testApp.app, { username: 'fuzz_victim' }),
      admin: await registerUser(testApp.app, { username: 'fuzz_admin', roles: ['admin'] }),
    };
  });

  afterAll(async () => {
    client?.close();
    await testApp?.close();
  });

  const send = (as: Identity, sent: Omit<RequestCase, 'family'>): Promise<RawResponse> => {
    const token = as === 'anonymous' ? undefined : users[as].token;
    return client.send({
      ...sent,
      headers: { ...sent.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  };
  const jsonRequest = (method: string, path: string, value: unknown): Omit<RequestCase, 'family'> => ({
    method,
    path,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(value)),
  });
  const problemOf = (response: RawResponse, status: number): ProblemBody => {
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(PROBLEM_JSON);
    const body = JSON.parse(response.text) as ProblemBody;
    expect(body.status).toBe(status);
    return body;
  };

  describe('answers the fuzz found wrong', () => {
    it('a body nested 10,000 levels deep is a 400 naming the field it is in (it overflowed the stack: 500)', async () => {
      const deepTitle = Buffer.from(
        `{"title":${deepJson(10_000, 'object')},"ranked":true,"visibility":"public"}`,
      );
      const inField = await send('member', {
        method: 'POST',
        path: `${API}/lists`,
        headers: { 'content-type': 'application/json' },
        body: deepTitle,
      });
      const atRoot = await send('anonymous', {
        method: 'POST',
        path: `${API}/auth/login`,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(deepJson(50_000, 'array')),
      });

      expect(fieldsOf(problemOf(inField, 400))).toEqual(['title']);
      expect(fieldsOf(problemOf(atRoot, 400))).toEqual(['body']);
    });

    it('text PostgreSQL cannot store (NUL, an unpaired surrogate) is a 400 naming the field (it was a 500)', async () => {
      const film = await addFilm(testApp.app);
      const list = await lists.create(users.member, { title: 'Unicode' });
      const item = `${API}/lists/${list}/items/${film.slug}`;
      const nulTitle = await send('admin', jsonRequest('POST', `${API}/films`, { title: 'a\u0000b' }));
      const loneSurrogate = await send('member', jsonRequest('PUT', item, { note: 'a\uD800b' }));
      const nestedSurrogate = await send(
        'admin',
        jsonRequest('POST', `${API}/films`, { title: 'Fine', directors: [{ name: '\uDFFF' }] }),
      );

      expect(fieldsOf(problemOf(nulTitle, 400))).toEqual(['title']);
      expect(fieldsOf(problemOf(loneSurrogate, 400))).toEqual(['note']);
      expect(fieldsOf(problemOf(nestedSurrogate, 400))).toEqual(['directors.0.name']);
      // Paired surrogates (an emoji) are ordinary text.
      const emoji = await send('member', jsonRequest('PUT', item, { note: '🎬 \uD83C\uDFAC' }));
      expect(emoji.status).toBe(200);
    });

    it('a NUL in a path segment names nothing: 404 (it reached PostgreSQL: 500)', async () => {
      for (const path of [`${API}/films/%00`, `${API}/films/a%00b/stats`, `${API}/users/a%00b/checks`]) {
        problemOf(await send('anonymous', { method: 'GET', path, headers: {} }), 404);
      }
      problemOf(
        await send('member', { method: 'PUT', path: `${API}/films/nul%00inside/check`, headers: {} }),
        404,
      );
    });

    it('a body or path the HTTP layer cannot read is a 400 naming body or path (it named no field)', async () => {
      const film = await addFilm(testApp.app);
      const check = `${API}/films/${film.slug}/check`;
      const truncated = await send('member', {
        method: 'PUT',
        path: check,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"watchedOn": '),
      });
      const notAnObject = await send('member', {
        method: 'PUT',
        path: check,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('42'),
      });
      const falseGzip = await send('member', {
        method: 'PUT',
        path: check,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: Buffer.from('{}'),
      });
      const badEscape = await send('anonymous', {
        method: 'GET',
        path: `${API}/films/%E0%A4%A`,
        headers: {},
      });

      for (const response of [truncated, notAnObject, falseGzip])
        expect(fieldsOf(problemOf(response, 400))).toEqual(['body']);
      expect(fieldsOf(problemOf(badEscape, 400))).toEqual(['path']);
    });

    it('a multipart body multer refuses names the field it refused, or the body', async () => {
      const file = { name: 'file', fileName: 'ratings.csv', contentType: 'text/csv', content: IMPORT_FILE };
      const headers = { 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` };
      const twoFiles = await send('member', {
        method: 'POST',
        path: `${API}/imports`,
        headers,
        body: multipartBody([file, { ...file, name: 'upload' }]),
      });
      const truncated = await send('member', {
        method: 'POST',
        path: `${API}/imports`,
        headers,
        body: multipartBody([file]).subarray(0, 80),
      });

      expect(fieldsOf(problemOf(twoFiles, 400))).toEqual(['body']);
      expect(fieldsOf(problemOf(truncated, 400))).toEqual(['body']);
    });

    it('a request past the header size limit is a 431 problem (Node answered it with no body)', async () => {
      const hugeHeader = await send('anonymous', {
        method: 'GET',
        path: `${API}/films`,
        headers: { 'x-consistent-with': 'x'.repeat(100_000) },
      });
      const hugeUrl = await send('anonymous', {
        method: 'GET',
        path: `${API}/films?q=${'q'.repeat(100_000)}`,
        headers: {},
      });

      problemOf(hugeHeader, 431);
      problemOf(hugeUrl, 431);
    });
  });

  it('answers every generated request with a success or a problem+json 4xx naming its field, and changes nothing it should not', async () => {
    const started = Date.now();
    const document = await openApiDocument(testApp.app);
    const operations = operationsOf(document).filter(
      ({ method, path }) => !ENDS_THE_CALLERS_SESSIONS.has(`${method} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(50);

    const sentinel = await sentinelData(testApp.app, lists, users.sentinel);
    const before = await sentinel.snapshot();
    const fixtures = await fuzzTargets(testApp.app, lists, users);

    // Round-robin over the operations, so concurrent requests rarely queue on one row.
    const perOperation = operations.map((operation) => {
      const identities: Identity[] = operation.secured
        ? ['anonymous', 'member', 'admin']
        : ['anonymous', 'member'];
      return casesFor(
        new Draft(operation, fixtures),
        CASES_PER_OPERATION,
        seedOf(SEED, operation.id),
      ).flatMap((sent) => (sent.slow ? (['member'] as const) : identities).map((as) => ({ sent, as })));
    });
    const plan = Array.from({ length: Math.max(...perOperation.map((items) => items.length)) }, (_, index) =>
      perOperation.flatMap((items) => (index < items.length ? [items[index]!] : [])),
    ).flat();
    // Deletions last, so that the targets stay for every other request.
    const results: Sent[] = [];
    for (const phase of [
      plan.filter(({ sent }) => sent.method !== 'DELETE'),
      plan.filter(({ sent }) => sent.method === 'DELETE'),
    ]) {
      results.push(
        ...(await mapConcurrently(phase, CONCURRENCY, async ({ sent, as }) => {
          const response = await send(as, sent);
          return { sent, as, status: response.status, fault: faultOf(sent, response) };
        })),
      );
    }

    const statuses = [...new Set(results.map((result) => result.status))].sort();
    const histogram = Object.fromEntries(
      statuses.map((status) => [status, results.filter((result) => result.status === status).length]),
    );
    console.log(
      `hostile input: ${results.length} requests over ${operations.length} operations in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(histogram)}`,
    );
    const faults = results
      .filter((result) => result.fault !== null)
      .map(
        ({ sent, as, fault }) =>
          `${sent.family} ${sent.method} ${sent.path.slice(0, 120)} as ${as} ` +
          `[${sent.body?.subarray(0, 80).toString('latin1') ?? ''}]: ${fault}`,
      );
    expect(faults).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(statuses.filter((status) => status >= 400)).toEqual(
      expect.arrayContaining([400, 401, 403, 404, 413, 431]),
    );
    expect(await sentinel.snapshot()).toEqual(before);
    // The app runs in this process: a polluted prototype would show here.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 240_000);
});
