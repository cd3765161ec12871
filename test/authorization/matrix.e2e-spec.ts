import { randomUUID } from 'node:crypto';
import { registerUser, uniqueUsername, type TestUser } from '../support/auth.js';
import { addFilm, addFilms } from '../support/films.js';
import type { Page } from '../support/member-client.js';
import { PROBLEM_JSON } from '../support/problems.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openApiDocument, operationsOf } from '../support/openapi.js';
import { ApiClient, type Method, type Send } from './api-client.js';

/**
 * Who may call what: every operation of the OpenAPI document the app serves, for five callers.
 * `member` is the member the resource belongs to (the list's owner, the comment's author, the
 * importer); `other` is another ordinary member. The member follows `other`, so `other` is a
 * friend who sees the member's friends-only lists.
 */
const CALLERS = ['anonymous', 'member', 'other', 'moderator', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Member = Exclude<Caller, 'anonymous'>;
type Expected = Readonly<Record<Caller, number>>;

/** The smallest PNG there is: one pixel. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const statuses = (anonymous: number, member: number, other: number, moderator: number, admin: number) =>
  ({ anonymous, member, other, moderator, admin }) as const;

const EVERYONE = statuses(200, 200, 200, 200, 200);
const signedIn = (status: number): Expected => statuses(401, status, status, status, status);
const SIGNED_IN = signedIn(200);
const MODERATORS = statuses(401, 403, 403, 200, 200);
const admins = (status: number): Expected => statuses(401, 403, 403, 403, status);
const ADMINS = admins(200);

type ListKind = 'public' | 'friends' | 'private' | 'official';
const LIST_KINDS: readonly ListKind[] = ['public', 'friends', 'private', 'official'];

/** Reading a list: a list the caller may not see is a 404, so its existence does not leak. */
const LIST_READ: Record<ListKind, Expected> = {
  public: EVERYONE,
  friends: statuses(404, 200, 200, 404, 404),
  private: statuses(404, 200, 404, 404, 404),
  official: EVERYONE,
};

/** Changing a list: its owner (an admin for an official one); 403 for those who see it, 404 for the rest. */
const listEdit = (status: number): Record<ListKind, Expected> => ({
  public: statuses(401, status, 403, 403, 403),
  friends: statuses(401, status, 403, 404, 404),
  private: statuses(401, status, 404, 404, 404),
  official: admins(status),
});

/** Only official lists have editions: the owner of a personal one may edit it but gets 422. */
const EDITION = { ...listEdit(422), official: ADMINS };

/** A film's comment: a hidden one exists only for its author and moderators (admins moderate too). */
const COMMENT_READ = { visible: EVERYONE, hidden: statuses(404, 200, 404, 200, 200) };
const COMMENT_EDIT = {
  visible: statuses(401, 200, 403, 403, 403),
  hidden: statuses(401, 200, 404, 403, 403),
};
const COMMENT_DELETE = {
  visible: statuses(401, 200, 403, 200, 200),
  hidden: statuses(401, 200, 404, 200, 200),
};
/** Reporting your own comment is 422, and so is reporting one already hidden. */
const COMMENT_REPORT = {
  visible: statuses(401, 422, 202, 202, 202),
  hidden: statuses(401, 422, 404, 422, 422),
};

/** One request of a cell: the values of the path's parameters, a query, a body or a file. */
interface Call extends Omit<Send, 'user'> {
  readonly params?: Readonly<Record<string, string>>;
  /** A member of the caller's kind made for this cell, for a call that ends the caller's own sessions. */
  readonly as?: TestUser;
}

/** A fresh member holding the caller's roles; none for the anonymous caller. */
const freshCaller = async (world: World, caller: Caller): Promise<Call> =>
  caller === 'anonymous'
    ? {}
    : {
        as: await registerUser(world.api.app, {
          roles: caller === 'moderator' || caller === 'admin' ? [caller] : [],
        }),
      };

interface Row {
  /** Method and path exactly as the OpenAPI document names the operation. */
  readonly operation: string;
  /** Which resource, when an operation has a row per kind of resource. */
  readonly on?: string;
  readonly expected: Expected;
  /** Builds one cell's request; cells that change or destroy a resource make their own. */
  readonly call?: (world: World, caller: Caller) => Call | Promise<Call>;
}

interface World {
  readonly api: ApiClient;
  readonly users: Readonly<Record<Member, TestUser>>;
  /** Followed and unfollowed by the follow cells. */
  readonly followee: TestUser;
  /** Given and stripped of the moderator role by the role cells. */
  readonly roleTarget: TestUser;
  readonly films: {
    /** Commented on, read. */
    readonly page: string;
    /** Marked and unmarked by every caller. */
    readonly marks: string;
    /** Rewritten by the admin. */
    readonly catalogue: string;
    /** In every list. */
    readonly listed: string;
  };
  /** The slug of a film's director. */
  readonly person: string;
  /** The file name of a poster variant, under /images/posters/. */
  readonly posterFile: string;
  readonly comments: { readonly visible: string; readonly hidden: string };
  readonly lists: Readonly<Record<ListKind, string>>;
  readonly importId: string;
  /** A completed export of the member's data. */
  readonly exportId: string;
  readonly festival: FestivalWorld;
}

/** An edition with one selected film and one screening; plans of three members who follow `other`. */
interface FestivalWorld {
  /** Selected in the edition. */
  readonly filmId: string;
  readonly screeningId: string;
  readonly planOwners: Readonly<Record<PlanKind, TestUser>>;
  /** A plan owner's calendar subscription token (no caller replaces or revokes it). */
  readonly calendarToken: string;
}

type PlanKind = 'public' | 'friends' | 'private';
const PLAN_KINDS: readonly PlanKind[] = ['public', 'friends', 'private'];
const EDITION_PATH = '/festivals/matrix/2016';

/** Plans follow the lists' rule; their owners here are none of the callers, so a private one is no one's. */
const PLAN_READ: Record<PlanKind, Expected> = {
  public: EVERYONE,
  friends: statuses(404, 404, 200, 404, 404),
  private: statuses(404, 404, 404, 404, 404),
};

/** An IMDb watchlist export of one film the catalogue does not have. */
const WATCHLIST_CSV = Buffer.from(
  [
    'Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated',
    '1,tt0000001,2021-01-01,2021-01-01,,Nowhere Film,Nowhere Film,https://www.imdb.com/title/tt0000001/,movie,7.0,90,1950,Drama,100,1950-01-01,Nobody,,',
    '',
  ].join('\n'),
);

/** What the fresh resources are made with. */
type Makers = Pick<World, 'api' | 'users' | 'films'>;

async function freshComment(world: Makers, hidden: boolean): Promise<string> {
  const { api, users, films } = world;
  const posted = await api.expect(201, 'post', `/films/${films.page}/comments`, {
    user: users.member,
    body: { body: `A comment of the matrix ${randomUUID()}` },
  });
  const id = (posted.body as { id: string }).id;
  if (hidden)
    await api.expect(200, 'post', `/moderation/comments/${id}/hide`, {
      user: users.moderator,
      body: { reason: 'matrix' },
    });
  return id;
}

async function freshList(world: Makers, kind: ListKind): Promise<string> {
  const { api, users, films } = world;
  const owner = kind === 'official' ? users.admin : users.member;
  const created = await api.expect(201, 'post', '/lists', {
    user: owner,
    body: {
      title: `A ${kind} list`,
      ranked: true,
      visibility: kind === 'official' ? 'public' : kind,
      official: kind === 'official',
    },
  });
  const id = (created.body as { id: string }).id;
  await api.expect(200, 'put', `/lists/${id}/items/${films.listed}`, { user: owner, body: {} });
  return id;
}

async function freshSelection(world: Makers): Promise<string> {
  const [made] = await addFilms(world.api.app, 1);
  await world.api.expect(201, 'put', `${EDITION_PATH}/films/${made!.id}`, {
    user: world.users.admin,
    body: { strand: 'main' },
  });
  return made!.id;
}

async function freshScreening(world: Makers, film: string): Promise<string> {
  const created = await world.api.expect(201, 'post', `${EDITION_PATH}/screenings`, {
    user: world.users.admin,
    body: { film, venue: `Screen ${randomUUID()}`, startsAt: '2016-06-18T20:00' },
  });
  return (created.body as { id: string }).id;
}

async function makeFestival(world: Makers, other: TestUser): Promise<FestivalWorld> {
  const { api, users } = world;
  const admin = { user: users.admin };
  await api.expect(201, 'put', '/festivals/matrix', { ...admin, body: { name: 'Matrix Festival' } });
  await api.expect(201, 'put', EDITION_PATH, {
    ...admin,
    body: { startsOn: '2016-06-15', endsOn: '2016-06-26', timeZone: 'Europe/London' },
  });
  await api.expect(201, 'put', `${EDITION_PATH}/strands/main`, { ...admin, body: { name: 'Main' } });
  const filmId = await freshSelection(world);
  const screeningId = await freshScreening(world, filmId);
  const planOwners = {} as Record<PlanKind, TestUser>;
  for (const kind of PLAN_KINDS) {
    const owner = await registerUser(api.app);
    await api.expect(200, 'put', `/users/${other.username}/follow`, { user: owner });
    await api.expect(200, 'put', `/me${EDITION_PATH}/plan/${screeningId}`, { user: owner });
    await api.expect(200, 'patch', `/me${EDITION_PATH}/plan`, { user: owner, body: { visibility: kind } });
    planOwners[kind] = owner;
  }
  const issued = await api.expect(200, 'put', `/me${EDITION_PATH}/plan/calendar-url`, {
    user: planOwners.public,
  });
  const calendarToken = /\/festival-calendars\/([^/]+)\.ics$/.exec((issued.body as { url: string }).url)![1]!;
  return { filmId, screeningId, planOwners, calendarToken };
}

const commentRows = (
  operation: string,
  expected: Record<'visible' | 'hidden', Expected>,
  call: (world: World, commentId: string) => Call,
  fresh: boolean,
): Row[] =>
  (['visible', 'hidden'] as const).map((kind) => ({
    operation,
    on: `${kind} comment`,
    expected: expected[kind],
    call: async (world) =>
      call(world, fresh ? await freshComment(world, kind === 'hidden') : world.comments[kind]),
  }));

const listRows = (
  operation: string,
  expected: Record<ListKind, Expected>,
  call: (world: World, listId: string) => Call,
  fresh: boolean,
): Row[] =>
  LIST_KINDS.map((kind) => ({
    operation,
    on: `${kind} list`,
    expected: expected[kind],
    call: async (world) => call(world, fresh ? await freshList(world, kind) : world.lists[kind]),
  }));

const film = (key: keyof World['films']) => (world: World) => ({ params: { idOrSlug: world.films[key] } });
const member = (world: World) => ({ params: { username: world.users.member.username } });

const MARKS = ['check', 'favourite', 'dislike', 'watchlist', 'rating'] as const;

const edition = { festival: 'matrix', year: '2016' };
const MY_PLAN = '/api/v1/me/festivals/{festival}/{year}/plan';

const FESTIVAL_ROWS: readonly Row[] = [
  {
    operation: 'PUT /api/v1/festivals/{festival}',
    expected: ADMINS,
    call: () => ({ params: { festival: 'matrix' }, body: { name: 'Matrix Festival' } }),
  },
  {
    operation: 'PUT /api/v1/festivals/{festival}/{year}',
    expected: ADMINS,
    call: () => ({
      params: edition,
      body: { startsOn: '2016-06-15', endsOn: '2016-06-26', timeZone: 'Europe/London' },
    }),
  },
  {
    operation: 'PUT /api/v1/festivals/{festival}/{year}/strands/{strand}',
    expected: ADMINS,
    call: () => ({ params: { ...edition, strand: 'main' }, body: { name: 'Main' } }),
  },
  {
    operation: 'PUT /api/v1/festivals/{festival}/{year}/films/{film}',
    expected: ADMINS,
    call: (world) => ({ params: { ...edition, film: world.festival.filmId }, body: { strand: 'main' } }),
  },
  {
    operation: 'DELETE /api/v1/festivals/{festival}/{year}/films/{film}',
    expected: admins(204),
    call: async (world) => ({ params: { ...edition, film: await freshSelection(world) } }),
  },
  {
    operation: 'POST /api/v1/festivals/{festival}/{year}/screenings',
    expected: admins(201),
    call: (world) => ({
      params: edition,
      body: { film: world.festival.filmId, venue: `Screen ${randomUUID()}`, startsAt: '2016-06-19T18:00' },
    }),
  },
  {
    operation: 'DELETE /api/v1/screenings/{id}',
    expected: admins(204),
    call: async (world) => ({ params: { id: await freshScreening(world, world.festival.filmId) } }),
  },
  { operation: 'GET /api/v1/festivals', expected: EVERYONE },
  {
    operation: 'GET /api/v1/festivals/{festival}/{year}',
    expected: EVERYONE,
    call: () => ({ params: edition }),
  },
  {
    operation: 'GET /api/v1/festivals/{festival}/{year}/films',
    expected: EVERYONE,
    call: () => ({ params: edition }),
  },
  {
    operation: 'GET /api/v1/festivals/{festival}/{year}/screenings',
    expected: EVERYONE,
    call: () => ({ params: edition, query: { day: '2016-06-18' } }),
  },
  { operation: 'GET /api/v1/films/{idOrSlug}/festivals', expected: EVERYONE, call: film('page') },
  ...(['PUT', 'DELETE'] as const).map((method) => ({
    operation: `${method} ${MY_PLAN}/{screeningId}`,
    expected: SIGNED_IN,
    call: (world: World) => ({ params: { ...edition, screeningId: world.festival.screeningId } }),
  })),
  { operation: `GET ${MY_PLAN}`, expected: SIGNED_IN, call: () => ({ params: edition }) },
  {
    operation: `PATCH ${MY_PLAN}`,
    expected: SIGNED_IN,
    call: () => ({ params: edition, body: { visibility: 'friends' } }),
  },
  { operation: `GET ${MY_PLAN}.ics`, expected: SIGNED_IN, call: () => ({ params: edition }) },
  { operation: `PUT ${MY_PLAN}/calendar-url`, expected: SIGNED_IN, call: () => ({ params: edition }) },
  { operation: `DELETE ${MY_PLAN}/calendar-url`, expected: signedIn(204), call: () => ({ params: edition }) },
  {
    operation: 'GET /api/v1/festival-calendars/{token}.ics',
    expected: EVERYONE,
    // A calendar of a member none of the callers is, so no cell revokes it.
    call: (world) => ({ params: { token: world.festival.calendarToken } }),
  },
  {
    operation: 'GET /api/v1/screenings/{id}/friends',
    expected: SIGNED_IN,
    call: (world) => ({ params: { id: world.festival.screeningId } }),
  },
  ...PLAN_KINDS.map((kind) => ({
    operation: 'GET /api/v1/users/{username}/festivals/{festival}/{year}/plan',
    on: `${kind} plan`,
    expected: PLAN_READ[kind],
    call: (world: World) => ({ params: { ...edition, username: world.festival.planOwners[kind].username } }),
  })),
];

const ROWS: readonly Row[] = [
  { operation: 'GET /health', expected: EVERYONE },
  { operation: 'GET /health/ready', expected: EVERYONE },

  // A token on a public route is checked, then ignored: anyone may sign up or sign in.
  {
    operation: 'POST /api/v1/auth/register',
    expected: statuses(201, 201, 201, 201, 201),
    call: () => {
      const username = uniqueUsername('matrix');
      return { body: { username, email: `${username}@example.org`, password: `pw-${randomUUID()}` } };
    },
  },
  {
    operation: 'POST /api/v1/auth/login',
    expected: EVERYONE,
    call: ({ users }) => ({ body: { login: users.member.username, password: users.member.password } }),
  },
  { operation: 'GET /api/v1/me', expected: SIGNED_IN },
  // The caller's own account, changed by nothing but its current password.
  {
    operation: 'PATCH /api/v1/me',
    expected: SIGNED_IN,
    call: ({ users }, caller) => ({
      body: { currentPassword: caller === 'anonymous' ? 'no one' : users[caller].password },
    }),
  },
  { operation: 'POST /api/v1/auth/sign-out-everywhere', expected: signedIn(204), call: freshCaller },
  // Erasure ends the caller's account: each cell erases a fresh member of the caller's kind.
  {
    operation: 'DELETE /api/v1/me',
    expected: signedIn(202),
    call: async (world, caller) => {
      const fresh = await freshCaller(world, caller);
      return fresh.as ? { ...fresh, body: { password: fresh.as.password } } : fresh;
    },
  },
  ...(['PUT', 'DELETE'] as const).map((method) => ({
    operation: `${method} /api/v1/admin/users/{username}/roles/{role}`,
    expected: ADMINS,
    call: ({ roleTarget }: World) => ({ params: { username: roleTarget.username, role: 'moderator' } }),
  })),
  { operation: 'GET /api/v1/admin/projections', expected: ADMINS },
  {
    operation: 'POST /api/v1/admin/projections/{name}/rebuild',
    expected: admins(202),
    // Reads are served from the live tables while it rebuilds.
    call: () => ({ params: { name: 'user-stats' } }),
  },

  { operation: 'GET /api/v1/films', expected: EVERYONE, call: () => ({ query: { q: 'film' } }) },
  {
    operation: 'GET /api/v1/films/popular',
    expected: EVERYONE,
    call: () => ({ query: { period: 'all' } }),
  },
  { operation: 'GET /api/v1/films/trending', expected: EVERYONE },
  {
    operation: 'POST /api/v1/films',
    expected: admins(201),
    call: () => ({ body: { title: `Matrix ${randomUUID()}`, year: 1999 } }),
  },
  { operation: 'GET /api/v1/films/{idOrSlug}', expected: EVERYONE, call: film('page') },
  {
    operation: 'GET /api/v1/people/{idOrSlug}',
    expected: EVERYONE,
    call: (world) => ({ params: { idOrSlug: world.person } }),
  },
  {
    operation: 'PUT /api/v1/films/{idOrSlug}/poster',
    expected: ADMINS,
    call: (world) => ({ ...film('catalogue')(world), image: { bytes: ONE_PIXEL_PNG, type: 'image/png' } }),
  },
  { operation: 'DELETE /api/v1/films/{idOrSlug}/poster', expected: admins(204), call: film('catalogue') },
  {
    operation: 'GET /images/posters/{file}',
    expected: EVERYONE,
    call: (world) => ({ params: { file: world.posterFile } }),
  },
  {
    operation: 'PUT /api/v1/films/{idOrSlug}',
    expected: ADMINS,
    call: (world) => ({
      ...film('catalogue')(world),
      body: { title: 'The Matrix Catalogue Film', year: 2001 },
    }),
  },
  ...MARKS.flatMap((mark) =>
    (['PUT', 'DELETE'] as const).map((method) => ({
      operation: `${method} /api/v1/films/{idOrSlug}/${mark}`,
      expected: SIGNED_IN,
      call: (world: World) => ({
        ...film('marks')(world),
        ...(method === 'PUT' ? { body: mark === 'rating' ? { rating: 4 } : {} } : {}),
      }),
    })),
  ),
  { operation: 'GET /api/v1/me/films/{idOrSlug}', expected: SIGNED_IN, call: film('marks') },
  {
    operation: 'POST /api/v1/me/diary',
    expected: signedIn(201),
    call: (world) => ({ body: { film: world.films.marks, watchedOn: '2020-02-02', rewatch: true } }),
  },
  { operation: 'GET /api/v1/users/{username}/diary', expected: EVERYONE, call: member },
  // Each cell gets an entry of `member` of its own: the member's own cell may delete it.
  ...(['PATCH', 'DELETE'] as const).map((method) => ({
    operation: `${method} /api/v1/diary/{id}`,
    expected: statuses(401, 200, 403, 403, 403),
    call: async ({ api, users, films }: World) => {
      const entry = await api.expect(201, 'post', '/me/diary', {
        user: users.member,
        body: { film: films.marks, watchedOn: '2021-03-03' },
      });
      return {
        params: { id: (entry.body as { id: string }).id },
        ...(method === 'PATCH' ? { body: { rewatch: true } } : {}),
      };
    },
  })),
  { operation: 'GET /api/v1/films/{idOrSlug}/stats', expected: EVERYONE, call: film('page') },
  {
    operation: 'POST /api/v1/films/{idOrSlug}/reviews',
    expected: signedIn(201),
    call: (world) => ({ ...film('marks')(world), body: { body: 'A matrix review.' } }),
  },
  { operation: 'GET /api/v1/films/{idOrSlug}/reviews', expected: EVERYONE, call: film('page') },
  // Each cell gets a review of `member` of its own: the author's own cell may change or delete it.
  ...(
    [
      ['GET /api/v1/reviews/{id}', EVERYONE, undefined],
      ['PATCH /api/v1/reviews/{id}', statuses(401, 200, 403, 403, 403), { body: 'Rewritten.' }],
      ['DELETE /api/v1/reviews/{id}', statuses(401, 200, 403, 200, 200), undefined],
      ['PUT /api/v1/reviews/{id}/like', statuses(401, 422, 200, 200, 200), undefined],
      ['DELETE /api/v1/reviews/{id}/like', SIGNED_IN, undefined],
      ['POST /api/v1/reviews/{id}/reports', statuses(401, 422, 202, 202, 202), { reason: 'spam' }],
    ] as const
  ).map(([operation, expected, body]) => ({
    operation,
    expected,
    call: async ({ api, users, films }: World) => {
      const review = await api.expect(201, 'post', `/films/${films.page}/reviews`, {
        user: users.member,
        body: { body: 'Reviewed for the matrix.' },
      });
      return { params: { id: (review.body as { id: string }).id }, ...(body ? { body } : {}) };
    },
  })),

  ...(['PUT', 'DELETE'] as const).map((method) => ({
    operation: `${method} /api/v1/users/{username}/follow`,
    expected: SIGNED_IN,
    call: ({ followee }: World) => ({ params: { username: followee.username } }),
  })),
  { operation: 'GET /api/v1/users/{username}', expected: EVERYONE, call: member },
  { operation: 'GET /api/v1/users/{username}/followers', expected: EVERYONE, call: member },
  { operation: 'GET /api/v1/users/{username}/following', expected: EVERYONE, call: member },
  { operation: 'GET /api/v1/users/{username}/stats', expected: EVERYONE, call: member },

  { operation: 'GET /api/v1/films/{idOrSlug}/activity', expected: EVERYONE, call: film('page') },
  { operation: 'GET /api/v1/films/{idOrSlug}/friends', expected: SIGNED_IN, call: film('marks') },
  { operation: 'GET /api/v1/feed', expected: SIGNED_IN },
  ...['checks', 'favourites', 'watchlist', 'activity'].map((what) => ({
    operation: `GET /api/v1/users/{username}/${what}`,
    expected: EVERYONE,
    call: member,
  })),

  { operation: 'GET /api/v1/films/{idOrSlug}/comments', expected: EVERYONE, call: film('page') },
  {
    operation: 'POST /api/v1/films/{idOrSlug}/comments',
    expected: signedIn(201),
    call: (world) => ({ ...film('page')(world), body: { body: 'Seen it twice.' } }),
  },
  ...commentRows('GET /api/v1/comments/{id}', COMMENT_READ, (_world, id) => ({ params: { id } }), false),
  ...commentRows(
    'PATCH /api/v1/comments/{id}',
    COMMENT_EDIT,
    (_world, id) => ({ params: { id }, body: { body: `Edited ${randomUUID()}` } }),
    false,
  ),
  ...commentRows('DELETE /api/v1/comments/{id}', COMMENT_DELETE, (_world, id) => ({ params: { id } }), true),
  ...commentRows(
    'POST /api/v1/comments/{id}/reports',
    COMMENT_REPORT,
    (_world, id) => ({ params: { id }, body: { reason: 'spam' } }),
    true,
  ),

  { operation: 'GET /api/v1/moderation/queue', expected: MODERATORS },
  { operation: 'GET /api/v1/moderation/log', expected: MODERATORS },
  ...(['hide', 'restore', 'dismiss'] as const).flatMap((decision) =>
    commentRows(
      `POST /api/v1/moderation/comments/{id}/${decision}`,
      { visible: MODERATORS, hidden: MODERATORS },
      (_world, id) => ({ params: { id }, body: { reason: 'matrix' } }),
      true,
    ),
  ),
  ...(['hide', 'restore', 'dismiss'] as const).map((decision) => ({
    operation: `POST /api/v1/moderation/reviews/{id}/${decision}`,
    expected: MODERATORS,
    call: async ({ api, users, films }: World) => {
      const review = await api.expect(201, 'post', `/films/${films.page}/reviews`, {
        user: users.member,
        body: { body: 'Moderated for the matrix.' },
      });
      return { params: { id: (review.body as { id: string }).id }, body: { reason: 'matrix' } };
    },
  })),
  {
    operation: 'POST /api/v1/moderation/members/{username}/suspend',
    expected: MODERATORS,
    call: async ({ api }) => ({
      params: { username: (await registerUser(api.app)).username },
      body: { reason: 'matrix' },
    }),
  },
  {
    operation: 'POST /api/v1/moderation/members/{username}/reinstate',
    expected: MODERATORS,
    call: async ({ api, users }) => {
      const suspended = await registerUser(api.app);
      await api.expect(200, 'post', `/moderation/members/${suspended.username}/suspend`, {
        user: users.moderator,
        body: { reason: 'matrix' },
      });
      return { params: { username: suspended.username }, body: {} };
    },
  },

  {
    operation: 'POST /api/v1/lists',
    on: 'personal list',
    expected: signedIn(201),
    call: () => ({ body: { title: 'My list', ranked: false, visibility: 'private' } }),
  },
  {
    operation: 'POST /api/v1/lists',
    on: 'official list',
    expected: admins(201),
    call: () => ({ body: { title: 'Official', ranked: true, visibility: 'public', official: true } }),
  },
  { operation: 'GET /api/v1/lists', expected: EVERYONE },
  ...listRows('GET /api/v1/lists/{id}', LIST_READ, (_world, id) => ({ params: { id } }), false),
  ...listRows(
    'PATCH /api/v1/lists/{id}',
    listEdit(200),
    (_world, id) => ({ params: { id }, body: { description: `Described ${randomUUID()}` } }),
    false,
  ),
  ...listRows('DELETE /api/v1/lists/{id}', listEdit(200), (_world, id) => ({ params: { id } }), true),
  ...listRows(
    'PUT /api/v1/lists/{id}/items/{idOrSlug}',
    listEdit(200),
    (world, id) => ({ params: { id, idOrSlug: world.films.listed }, body: { rank: 1 } }),
    false,
  ),
  ...listRows(
    'DELETE /api/v1/lists/{id}/items/{idOrSlug}',
    listEdit(200),
    (world, id) => ({ params: { id, idOrSlug: world.films.listed } }),
    true,
  ),
  ...listRows(
    'PUT /api/v1/lists/{id}/edition',
    EDITION,
    (world, id) => ({ params: { id }, body: { films: [world.films.listed] } }),
    false,
  ),
  { operation: 'GET /api/v1/users/{username}/lists', expected: EVERYONE, call: member },
  { operation: 'GET /api/v1/films/{idOrSlug}/lists', expected: EVERYONE, call: film('listed') },

  {
    operation: 'POST /api/v1/imports',
    expected: signedIn(202),
    call: () => ({ file: { bytes: WATCHLIST_CSV, name: 'watchlist.csv' } }),
  },
  { operation: 'GET /api/v1/imports', expected: SIGNED_IN },
  {
    operation: 'GET /api/v1/imports/{id}',
    expected: statuses(401, 200, 404, 404, 404),
    call: ({ importId }) => ({ params: { id: importId } }),
  },
  { operation: 'POST /api/v1/me/exports', expected: signedIn(202) },
  {
    operation: 'GET /api/v1/me/exports/{id}',
    expected: statuses(401, 200, 404, 404, 404),
    call: ({ exportId }) => ({ params: { id: exportId } }),
  },
  {
    operation: 'GET /api/v1/me/exports/{id}/file',
    expected: statuses(401, 200, 404, 404, 404),
    call: ({ exportId }) => ({ params: { id: exportId } }),
  },
  ...FESTIVAL_ROWS,
];

/** The path with its parameters filled in; every parameter must be given, and no other. */
function fill(template: string, params: Readonly<Record<string, string>>): string {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  expect(Object.keys(params).sort()).toEqual([...names].sort());
  return template.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(params[name]!));
}

describe('authorisation matrix (e2e): every operation × anonymous, member, other member, moderator, admin', () => {
  let testApp: TestApp;
  let world: World;
  let documented: string[];

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', COMMENT_RATE_LIMIT_PER_MINUTE: '0' },
    });
    const { app } = testApp;
    const api = new ApiClient(app);
    documented = operationsOf(await openApiDocument(app)).map(({ method, path }) => `${method} ${path}`);

    const [memberUser, other, followee, roleTarget, moderator, admin] = await Promise.all([
      registerUser(app),
      registerUser(app),
      registerUser(app),
      registerUser(app),
      registerUser(app, { roles: ['moderator'] }),
      registerUser(app, { roles: ['admin'] }),
    ]);
    const users = { member: memberUser, other, moderator, admin };
    const [page, marks, catalogue, listed] = (await addFilms(app, 4)).map((made) => made.id) as [
      string,
      string,
      string,
      string,
    ];
    const makers = { api, users, films: { page, marks, catalogue, listed } };

    await api.expect(200, 'put', `/users/${other.username}/follow`, { user: memberUser });
    const lists = {} as Record<ListKind, string>;
    for (const kind of LIST_KINDS) lists[kind] = await freshList(makers, kind);
    const comments = { visible: await freshComment(makers, false), hidden: await freshComment(makers, true) };
    const started = await api.expect(202, 'post', '/imports', {
      user: memberUser,
      file: { bytes: WATCHLIST_CSV, name: 'watchlist.csv' },
    });
    const exportId = (
      (await api.expect(202, 'post', '/me/exports', { user: memberUser })).body as { id: string }
    ).id;
    const directed = await addFilm(app, { directors: [{ name: 'Matrix Director' }] });
    const poster = await api.expect(200, 'put', `/films/${page}/poster`, {
      user: admin,
      image: { bytes: ONE_PIXEL_PNG, type: 'image/png' },
    });
    const posterUrl = (poster.body as { poster: { sizes: Record<string, string> } }).poster.sizes['150']!;
    world = {
      ...makers,
      person: directed.directors[0]!.slug,
      posterFile: posterUrl.split('/').at(-1)!,
      followee,
      roleTarget,
      comments,
      lists,
      importId: (started.body as { importId: string }).importId,
      exportId,
      festival: await makeFestival(makers, other),
    };
    await api.settle();
    await api.until(
      async () =>
        ((await api.send('get', `/me/exports/${exportId}`, { user: memberUser })).body as { status: string })
          .status === 'completed',
      'the export of the matrix',
    );
  });

  afterAll(async () => {
    // Lets the imports the cells started finish before the app goes.
    if (world) {
      const { api, users } = world;
      await api.settle();
      const running = async (user: TestUser) =>
        ((await api.expect(200, 'get', '/imports', { user })).body as Page<{ status: string }>).items.some(
          (started) => started.status === 'queued' || started.status === 'running',
        );
      await api.until(
        async () => !(await Promise.all(Object.values(users).map(running))).some(Boolean),
        'the imports of the matrix',
      );
    }
    await testApp?.close();
  });

  it('has a row for every operation of the OpenAPI document', () => {
    const tabled = new Set(ROWS.map((row) => row.operation));
    expect(documented.filter((operation) => !tabled.has(operation))).toEqual([]);
  });

  it('names no operation the OpenAPI document lacks', () => {
    expect([...new Set(ROWS.map((row) => row.operation))].filter((op) => !documented.includes(op))).toEqual(
      [],
    );
  });

  const cells = ROWS.flatMap((row) =>
    CALLERS.map((caller) => {
      const label = `${row.operation}${row.on ? ` (${row.on})` : ''} as ${caller}: ${row.expected[caller]}`;
      return [label, row, caller] as const;
    }),
  );

  it.each(cells)('%s', async (_label, row, caller) => {
    const [method, template] = row.operation.split(' ') as [string, string];
    const call = (await row.call?.(world, caller)) ?? {};
    const { params = {}, as, ...send } = call;
    const user = caller === 'anonymous' ? undefined : (as ?? world.users[caller]);
    const response = await world.api.send(method.toLowerCase() as Method, fill(template, params), {
      ...send,
      ...(user ? { user } : {}),
    });
    const expected = row.expected[caller];
    // The answer's text comes along when the status is not the one expected.
    expect(response.status === expected ? expected : `${response.status} ${response.text}`).toBe(expected);
    if (expected >= 400) expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    if (expected === 401) expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});
