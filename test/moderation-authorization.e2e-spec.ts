import { registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { ModerationClient } from './support/moderation.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Who = 'anonymous' | 'member' | 'author' | 'moderator';

interface Endpoint {
  readonly name: string;
  readonly method: 'get' | 'post' | 'delete';
  /** A fresh target per call, so each cell acts on a comment (or member) of its own. */
  readonly path: (target: { commentId: string; username: string }) => string;
  readonly body?: object;
  readonly expected: Readonly<Record<Who, number>>;
}

const MODERATOR_ONLY = { anonymous: 401, member: 403, author: 403, moderator: 200 } as const;

/** Every moderation endpoint, and deleting a comment, with the status each kind of caller gets. */
const MATRIX: readonly Endpoint[] = [
  { name: 'GET queue', method: 'get', path: () => '/moderation/queue', expected: MODERATOR_ONLY },
  {
    name: 'GET resolved queue',
    method: 'get',
    path: () => '/moderation/queue?status=resolved',
    expected: MODERATOR_ONLY,
  },
  { name: 'GET log', method: 'get', path: () => '/moderation/log', expected: MODERATOR_ONLY },
  {
    name: 'POST hide',
    method: 'post',
    path: ({ commentId }) => `/moderation/comments/${commentId}/hide`,
    body: { reason: 'matrix' },
    expected: MODERATOR_ONLY,
  },
  {
    name: 'POST restore',
    method: 'post',
    path: ({ commentId }) => `/moderation/comments/${commentId}/restore`,
    body: {},
    expected: MODERATOR_ONLY,
  },
  {
    name: 'POST dismiss',
    method: 'post',
    path: ({ commentId }) => `/moderation/comments/${commentId}/dismiss`,
    body: {},
    expected: MODERATOR_ONLY,
  },
  {
    name: 'POST suspend',
    method: 'post',
    path: ({ username }) => `/moderation/members/${username}/suspend`,
    body: { reason: 'matrix' },
    expected: MODERATOR_ONLY,
  },
  {
    name: 'POST reinstate',
    method: 'post',
    path: ({ username }) => `/moderation/members/${username}/reinstate`,
    body: {},
    expected: MODERATOR_ONLY,
  },
  {
    name: 'DELETE comment',
    method: 'delete',
    path: ({ commentId }) => `/comments/${commentId}`,
    expected: { anonymous: 401, member: 403, author: 200, moderator: 200 },
  },
];

const WHO: readonly Who[] = ['anonymous', 'member', 'author', 'moderator'];

describe('moderation authorisation matrix (e2e)', () => {
  let testApp: TestApp;
  let client: ModerationClient;
  let filmId: string;
  let users: Record<Exclude<Who, 'anonymous'>, TestUser>;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', COMMENT_RATE_LIMIT_PER_MINUTE: '0' },
    });
    client = new ModerationClient(testApp.app);
    filmId = (await addFilm(testApp.app)).id;
    const [member, author, moderator] = await Promise.all([
      registerUser(testApp.app),
      registerUser(testApp.app),
      registerUser(testApp.app, { roles: ['moderator'] }),
    ]);
    users = { member, author, moderator };
  });

  afterAll(async () => {
    await testApp.close();
  });

  it.each(MATRIX.flatMap((endpoint) => WHO.map((who) => [endpoint.name, who, endpoint] as const)))(
    '%s as %s',
    async (_name, who, endpoint) => {
      // The author's comment, reported by the member; a member of its own to suspend or reinstate.
      const commentId = await client.comment(users.author, filmId, `Matrix ${endpoint.name} ${who}`);
      await client.report(users.member, commentId, 'other');
      const target = await registerUser(testApp.app);
      const response = await client.call(
        endpoint.method,
        endpoint.path({ commentId, username: target.username }),
        who === 'anonymous' ? undefined : users[who],
        endpoint.body,
      );
      expect(response.status).toBe(endpoint.expected[who]);
      if (response.status >= 400) expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    },
  );
});
