import { randomUUID } from 'node:crypto';
import { registerUser, type TestUser } from '../support/auth.js';
import { addFilm } from '../support/films.js';
import { letterboxdExport } from '#testing';
import type { ListBody, ListSummaryBody, FilmListsBody } from '../support/list-client.js';
import type { Page } from '../support/member-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openApiDocument, operationsOf } from '../support/openapi.js';
import { ApiClient } from './api-client.js';

/**
 * Private lists and hidden comments never leak through a read. The owner keeps a private list, a
 * list made private after it was public, a friends-only list and a private list an import made;
 * they wrote a comment a moderator hid and one that reports hid. Each read is driven as everyone:
 * anonymous, a fan (follows the owner, so their feed carries the owner's activity), a friend (the
 * owner follows them), a moderator, an admin and the owner.
 */
const READERS = ['anonymous', 'fan', 'friend', 'moderator', 'admin', 'owner'] as const;
type Reader = (typeof READERS)[number];
type Member = Exclude<Reader, 'anonymous'>;

interface Secret {
  readonly name: string;
  readonly id: string;
  /** Text only this secret holds: a title, a description, a note, a body. */
  readonly texts: readonly string[];
  /** Who may see it; everyone else must never get any of it. */
  readonly seenBy: readonly Reader[];
}

interface ActivityItem {
  actor: { id: string; username: string };
  verb: string;
  film?: { id: string };
}

interface CommentItem {
  id: string;
  hidden?: true;
}

/** The films: one per list or comment, so each read of a film shows one thing only. */
const FILMS = ['secret', 'flipped', 'friends', 'public', 'official', 'commented'] as const;

const token = (what: string): string => `${what}-${randomUUID().slice(0, 8)}`;

describe('no leaks (e2e): private lists and hidden comments through every read', () => {
  let testApp: TestApp;
  let api: ApiClient;
  let users: Record<Member, TestUser>;
  let documentedReads: { path: string; paged: boolean }[];
  const films = {} as Record<(typeof FILMS)[number], string>;
  let importedFilm: string;
  const lists = {} as Record<'secret' | 'flipped' | 'friends' | 'public' | 'official' | 'imported', string>;
  const comments = {} as Record<'visible' | 'hidden' | 'autoHidden', string>;
  let importId: string;
  let exportId: string;
  /** A visible review of the owner's; hidden reviews come with their moderation. */
  let reviewId: string;
  let secrets: Secret[];
  /** The owner's plans: private in 2016, friends-only in 2017, each holding one screening. */
  const plannedScreenings = {} as Record<'2016' | '2017', string>;
  let calendarToken: string;

  const as = (reader: Reader): TestUser | undefined => (reader === 'anonymous' ? undefined : users[reader]);

  /** A read that must answer 200. */
  const read = async <Body>(
    reader: Reader,
    path: string,
    query: Record<string, string | number> = {},
  ): Promise<Body> => {
    const user = as(reader);
    const response = await api.expect(200, 'get', path, { query, ...(user ? { user } : {}) });
    return response.body as Body;
  };

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '0', COMMENT_RATE_LIMIT_PER_MINUTE: '0' },
    });
    const { app } = testApp;
    api = new ApiClient(app);
    documentedReads = operationsOf(await openApiDocument(app))
      .filter(({ method }) => method === 'GET')
      .map(({ path, parameters }) => ({
        path,
        paged: parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'limit'),
      }));

    const [owner, fan, friend, reporter, moderator, admin] = await Promise.all([
      registerUser(app),
      registerUser(app),
      registerUser(app),
      registerUser(app),
      registerUser(app, { roles: ['moderator'] }),
      registerUser(app, { roles: ['admin'] }),
    ]);
    users = { owner, fan, friend, moderator, admin };
    for (const key of FILMS) films[key] = (await addFilm(app)).id;
    const imported = { title: `Import Only ${randomUUID().slice(0, 8)}`, year: 1977 };
    importedFilm = (await addFilm(app, imported)).id;

    await api.expect(200, 'put', `/users/${friend.username}/follow`, { user: owner });
    await api.expect(200, 'put', `/users/${owner.username}/follow`, { user: fan });
    await api.expect(200, 'put', `/users/${owner.username}/follow`, { user: friend });

    const texts = {
      secret: [token('Secret list'), token('secret description'), token('secret note')],
      flipped: [token('Flipped list'), token('flipped description'), token('flipped note')],
      friends: [token('Friends list'), token('friends description'), token('friends note')],
      imported: [token('Imported list'), token('imported description'), token('imported note')],
      hidden: [token('Hidden comment')],
      autoHidden: [token('Reported comment')],
    };
    const makeList = async (visibility: string, [title, description, note]: string[], film: string) => {
      const created = await api.expect(201, 'post', '/lists', {
        user: owner,
        body: { title, description, ranked: true, visibility },
      });
      const id = (created.body as { id: string }).id;
      await api.expect(200, 'put', `/lists/${id}/items/${film}`, { user: owner, body: { note } });
      return id;
    };
    lists.secret = await makeList('private', texts.secret, films.secret);
    await api.expect(200, 'put', `/lists/${lists.secret}/items/${films.official}`, { user: owner, body: {} });
    lists.friends = await makeList('friends', texts.friends, films.friends);
    lists.public = await makeList('public', [token('Public list'), 'shown', 'shown'], films.public);
    lists.flipped = await makeList('public', texts.flipped, films.flipped);
    const official = await api.expect(201, 'post', '/lists', {
      user: admin,
      body: { title: token('Official list'), ranked: true, visibility: 'public', official: true },
    });
    lists.official = (official.body as { id: string }).id;
    await api.expect(200, 'put', `/lists/${lists.official}/items/${films.official}`, {
      user: admin,
      body: {},
    });
    // The owner's progress on the public list, which no other reader may be shown as theirs.
    await api.expect(200, 'put', `/films/${films.public}/check`, { user: owner, body: {} });
    // While public, the flipped list's film was "listed" in the owner's activity; then it goes private.
    const listedWhilePublic = await read<Page<ActivityItem>>('anonymous', `/films/${films.flipped}/activity`);
    expect(listedWhilePublic.items.map((item) => item.verb)).toEqual(['listed']);
    await api.expect(200, 'patch', `/lists/${lists.flipped}`, {
      user: owner,
      body: { visibility: 'private' },
    });

    const [importedTitle, importedDescription, importedNote] = texts.imported;
    const zip = await letterboxdExport({
      'lists/imported.csv': [
        'Letterboxd list export v7',
        'Date,Name,Tags,URL,Description',
        `2022-01-10,${importedTitle},,https://letterboxd.com/member/list/imported/,${importedDescription}`,
        '',
        'Position,Name,Year,URL,Description',
        `1,${imported.title},${imported.year},https://letterboxd.com/film/import-only/,${importedNote}`,
        '',
      ].join('\n'),
    });
    const started = await api.expect(202, 'post', '/imports', {
      user: owner,
      file: { bytes: zip, name: 'letterboxd.zip' },
    });
    importId = (started.body as { importId: string }).importId;

    const comment = async (body: string): Promise<string> =>
      (
        (
          await api.expect(201, 'post', `/films/${films.commented}/comments`, {
            user: owner,
            body: { body },
          })
        ).body as { id: string }
      ).id;
    comments.visible = await comment(token('Visible comment'));
    reviewId = (
      (
        await api.expect(201, 'post', `/films/${films.commented}/reviews`, {
          user: owner,
          body: { body: token('Visible review') },
        })
      ).body as { id: string }
    ).id;
    comments.hidden = await comment(texts.hidden[0]!);
    comments.autoHidden = await comment(texts.autoHidden[0]!);
    await api.expect(200, 'post', `/moderation/comments/${comments.hidden}/hide`, {
      user: moderator,
      body: { reason: 'rude' },
    });
    for (const reporterUser of [fan, friend, reporter])
      await api.expect(202, 'post', `/comments/${comments.autoHidden}/reports`, {
        user: reporterUser,
        body: { reason: 'abuse' },
      });

    await api.until(
      async () => (await api.send('get', `/comments/${comments.autoHidden}`)).status === 404,
      'the auto-hide of the reported comment',
    );
    await api.until(
      async () =>
        ['completed', 'failed'].includes(
          ((await api.send('get', `/imports/${importId}`, { user: owner })).body as { status: string })
            .status,
        ),
      'the import',
    );
    await api.settle();
    const imports = await read<{ status: string; counts: { lists: number } }>(
      'owner',
      `/imports/${importId}`,
    );
    expect(imports).toMatchObject({ status: 'completed', counts: { lists: 1 } });
    // The owner's archive holds every secret of theirs: only they may read it.
    exportId = ((await api.expect(202, 'post', '/me/exports', { user: owner })).body as { id: string }).id;
    await api.until(
      async () =>
        ((await api.send('get', `/me/exports/${exportId}`, { user: owner })).body as { status: string })
          .status === 'completed',
      'the export',
    );
    const ownLists = await read<Page<ListSummaryBody>>('owner', `/users/${owner.username}/lists`);
    lists.imported = ownLists.items.find((list) => list.title === importedTitle)!.id;

    await planFestival(admin, owner);

    secrets = [
      { name: 'private list', id: lists.secret, texts: texts.secret, seenBy: ['owner'] },
      { name: 'list made private', id: lists.flipped, texts: texts.flipped, seenBy: ['owner'] },
      { name: 'imported private list', id: lists.imported, texts: texts.imported, seenBy: ['owner'] },
      { name: 'friends list', id: lists.friends, texts: texts.friends, seenBy: ['owner', 'friend'] },
      {
        name: 'comment hidden by a moderator',
        id: comments.hidden,
        texts: texts.hidden,
        seenBy: ['owner', 'moderator', 'admin'],
      },
      {
        name: 'comment hidden by reports',
        id: comments.autoHidden,
        texts: texts.autoHidden,
        seenBy: ['owner', 'moderator', 'admin'],
      },
    ];
  });

  afterAll(async () => {
    await testApp?.close();
  });

  /** Two editions of one festival, the owner's plan of each, and the owner's calendar link. */
  async function planFestival(admin: TestUser, owner: TestUser): Promise<void> {
    await api.expect(201, 'put', '/festivals/leaks', { user: admin, body: { name: 'Leaks Festival' } });
    for (const [year, visibility] of [
      ['2016', 'private'],
      ['2017', 'friends'],
    ] as const) {
      const edition = `/festivals/leaks/${year}`;
      await api.expect(201, 'put', edition, {
        user: admin,
        body: { startsOn: `${year}-06-15`, endsOn: `${year}-06-26`, timeZone: 'Europe/London' },
      });
      await api.expect(201, 'put', `${edition}/strands/main`, { user: admin, body: { name: 'Main' } });
      await api.expect(201, 'put', `${edition}/films/${films.public}`, {
        user: admin,
        body: { strand: 'main' },
      });
      const screening = await api.expect(201, 'post', `${edition}/screenings`, {
        user: admin,
        body: { film: films.public, venue: 'Filmhouse 1', startsAt: `${year}-06-18T20:00` },
      });
      plannedScreenings[year] = (screening.body as { id: string }).id;
      await api.expect(200, 'put', `/me${edition}/plan/${plannedScreenings[year]}`, { user: owner });
      await api.expect(200, 'patch', `/me${edition}/plan`, { user: owner, body: { visibility } });
    }
    const issued = await api.expect(200, 'put', '/me/festivals/leaks/2016/plan/calendar-url', {
      user: owner,
    });
    calendarToken = /([^/]+)\.ics$/.exec((issued.body as { url: string }).url)![1]!;
    await api.settle();
  }

  /** Every GET of the OpenAPI document, with each path parameter bound to each resource it can name. */
  const sweep = (): { path: string; query: Record<string, string | number>; named: string[] }[] => {
    const filmIds = [...Object.values(films), importedFilm];
    const values = (path: string, name: string): string[] => {
      if (name === 'idOrSlug') return filmIds;
      if (name === 'username') return [users.owner.username];
      if (name === 'id' && path.includes('/lists/')) return Object.values(lists);
      if (name === 'id' && path.includes('/comments/')) return Object.values(comments);
      if (name === 'id' && path.includes('/reviews/')) return [reviewId];
      if (name === 'id' && path.includes('/imports/')) return [importId];
      if (name === 'id' && path.includes('/exports/')) return [exportId];
      if (name === 'id' && path.includes('/screenings/')) return Object.values(plannedScreenings);
      if (name === 'festival') return ['leaks'];
      if (name === 'year') return Object.keys(plannedScreenings);
      if (name === 'token') return [calendarToken];
      // Posters are public pictures of catalogue films: nothing secret can be named there.
      if (name === 'file') return [];
      throw new Error(`no values for {${name}} in ${path}: say which resources it can name`);
    };
    const searches: Record<string, Record<string, string>[]> = {
      '/api/v1/films': secrets.flatMap((secret) => secret.texts.map((text) => ({ q: text }))),
      '/api/v1/lists': [
        { official: 'false' },
        { official: 'true' },
        ...secrets.flatMap((secret) => secret.texts.map((text) => ({ q: text }))),
      ],
      '/api/v1/moderation/queue': [{ status: 'open' }, { status: 'resolved' }],
    };
    return documentedReads.flatMap(({ path, paged }) => {
      let paths = [{ path, named: [] as string[] }];
      for (const [, name] of path.matchAll(/\{(\w+)\}/g))
        paths = paths.flatMap(({ path: partial, named }) =>
          values(path, name!).map((value) => ({
            path: partial.replace(`{${name}}`, value),
            named: [...named, value],
          })),
        );
      const queries = [{}, ...(searches[path] ?? [])].map((query) =>
        paged ? { limit: 100, ...query } : query,
      );
      return paths.flatMap((bound) => queries.map((query) => ({ ...bound, query })));
    });
  };

  it.each(READERS)('no read gives %s anything of a secret they may not see', async (reader) => {
    const user = as(reader);
    const requests = sweep();
    expect(requests.length).toBeGreaterThan(80);
    const leaks: string[] = [];
    for (const { path, query, named } of requests) {
      const response = await api.send('get', path, { query, ...(user ? { user } : {}) });
      expect([path, response.status < 500]).toEqual([path, true]);
      const text = response.text;
      for (const secret of secrets) {
        if (secret.seenBy.includes(reader)) continue;
        // An id the reader put in the path is theirs already; anything else of the secret is not.
        const strings = named.includes(secret.id) ? secret.texts : [secret.id, ...secret.texts];
        for (const found of strings.filter((string) => text.includes(string)))
          leaks.push(`${path} ${JSON.stringify(query)} (${response.status}) shows ${secret.name}: ${found}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('the sweep finds each secret where the owner and moderators may see it', async () => {
    const ownerReads: unknown[] = [];
    for (const id of [lists.secret, lists.flipped, lists.imported, lists.friends])
      ownerReads.push(await read('owner', `/lists/${id}`));
    ownerReads.push(await read('owner', `/films/${films.commented}/comments`));
    const owner = JSON.stringify(ownerReads);
    const moderator = JSON.stringify(await read('moderator', `/films/${films.commented}/comments`));
    for (const secret of secrets) {
      for (const text of [secret.id, ...secret.texts])
        expect([secret.name, owner.includes(text)]).toEqual([secret.name, true]);
      if (secret.seenBy.includes('moderator'))
        for (const text of [secret.id, ...secret.texts]) expect(moderator).toContain(text);
    }
  });

  describe('festival plans', () => {
    it('a plan and who plans a screening follow the lists’ rule: private is the owner’s, friends adds whom the owner follows', async () => {
      const sees: Record<'2016' | '2017', readonly Reader[]> = {
        '2016': ['owner'],
        '2017': ['owner', 'friend'],
      };
      for (const [year, seenBy] of Object.entries(sees) as ['2016' | '2017', readonly Reader[]][]) {
        for (const reader of READERS) {
          const user = as(reader);
          const plan = await api.send('get', `/users/${users.owner.username}/festivals/leaks/${year}/plan`, {
            ...(user ? { user } : {}),
          });
          expect([year, reader, plan.status]).toEqual([year, reader, seenBy.includes(reader) ? 200 : 404]);
          if (reader === 'anonymous' || reader === 'owner') continue;
          // The fan follows the owner, but a friends-only plan is for those the owner follows.
          const friends = await read<{ items: { user: { id: string } }[] }>(
            reader,
            `/screenings/${plannedScreenings[year]}/friends`,
          );
          const follows = reader === 'fan' || reader === 'friend';
          expect([year, reader, friends.items.map((item) => item.user.id)]).toEqual([
            year,
            reader,
            follows && seenBy.includes(reader) ? [users.owner.id] : [],
          ]);
        }
      }
    });
  });

  describe('private lists', () => {
    it('GET /lists/{id}: the owner alone reads a private list, and friends a friends list; everyone else gets 404', async () => {
      const sees: Record<'secret' | 'flipped' | 'imported' | 'friends', readonly Reader[]> = {
        secret: ['owner'],
        flipped: ['owner'],
        imported: ['owner'],
        friends: ['owner', 'friend'],
      };
      for (const [list, seenBy] of Object.entries(sees)) {
        for (const reader of READERS) {
          const user = as(reader);
          const response = await api.send(
            'get',
            `/lists/${lists[list as keyof typeof sees]}`,
            user ? { user } : {},
          );
          expect([list, reader, response.status]).toEqual([
            list,
            reader,
            seenBy.includes(reader) ? 200 : 404,
          ]);
        }
      }
      const secret = await read<ListBody>('owner', `/lists/${lists.secret}`);
      expect(secret.items.map((item) => item.film.id)).toEqual([films.secret, films.official]);
    });

    it('GET /users/{username}/lists shows each reader only the lists they may see', async () => {
      const everyone = [lists.public];
      const expected: Record<Reader, string[]> = {
        anonymous: everyone,
        fan: everyone,
        moderator: everyone,
        admin: everyone,
        friend: [lists.friends, ...everyone],
        owner: [lists.secret, lists.friends, lists.public, lists.flipped, lists.imported],
      };
      for (const reader of READERS) {
        const page = await read<Page<ListSummaryBody>>(reader, `/users/${users.owner.username}/lists`);
        expect([reader, page.items.map((list) => list.id).sort()]).toEqual([
          reader,
          [...expected[reader]].sort(),
        ]);
      }
    });

    it('GET /lists and its searches show public lists only, to everyone, the owner included', async () => {
      const searches: Record<string, string>[] = [
        {},
        { official: 'false' },
        ...secrets
          .filter((secret) => secret.name.includes('list'))
          .map((secret) => ({ q: secret.texts[0]! })),
      ];
      for (const reader of READERS)
        for (const query of searches) {
          const page = await read<Page<ListSummaryBody>>(reader, '/lists', { limit: 100, ...query });
          const expected = query.q ? [] : query.official ? [lists.public] : [lists.official, lists.public];
          expect([reader, query, page.items.map((list) => list.id).sort()]).toEqual([
            reader,
            query,
            expected.sort(),
          ]);
        }
    });

    it('a film page counts and ranks official lists only: a private list it is in changes nothing', async () => {
      for (const reader of READERS) {
        const inBoth = await read<FilmListsBody>(reader, `/films/${films.official}/lists`);
        expect([reader, inBoth.currentCount, inBoth.everCount]).toEqual([reader, 1, 1]);
        expect(inBoth.items.map((item) => item.list.id)).toEqual([lists.official]);
        for (const film of [films.secret, films.flipped, films.friends, importedFilm])
          expect(await read<FilmListsBody>(reader, `/films/${film}/lists`)).toEqual({
            currentCount: 0,
            everCount: 0,
            items: [],
          });
      }
    });

    it('progress on a list is the reader’s own, never the owner’s', async () => {
      for (const reader of READERS) {
        const page = await read<Page<ListSummaryBody>>(reader, `/users/${users.owner.username}/lists`);
        const shown = page.items.find((list) => list.id === lists.public)!;
        if (reader === 'anonymous') expect(shown.progress).toBeUndefined();
        else expect([reader, shown.progress?.checked]).toEqual([reader, reader === 'owner' ? 1 : 0]);
      }
    });

    it('activity, feeds and profiles show a film "listed" on a public list only', async () => {
      const listed = (items: ActivityItem[]) =>
        items.filter((item) => item.verb === 'listed').map((item) => item.film?.id);
      for (const reader of READERS) {
        for (const film of [films.secret, films.flipped, films.friends, films.official, importedFilm]) {
          const page = await read<Page<ActivityItem>>(reader, `/films/${film}/activity`, { limit: 100 });
          expect([reader, film, listed(page.items)]).toEqual([reader, film, []]);
        }
        const shown = await read<Page<ActivityItem>>(reader, `/films/${films.public}/activity`, {
          limit: 100,
        });
        expect(listed(shown.items)).toHaveLength(1);
        const profile = await read<Page<ActivityItem>>(reader, `/users/${users.owner.username}/activity`, {
          limit: 100,
        });
        expect([reader, listed(profile.items)]).toEqual([reader, [films.public]]);
      }
      for (const reader of ['fan', 'friend'] as const) {
        const feed = await read<Page<ActivityItem>>(reader, '/feed', { limit: 100 });
        expect([reader, listed(feed.items)]).toEqual([reader, [films.public]]);
      }
    });

    it('an import and what it made are its owner’s alone', async () => {
      for (const reader of ['fan', 'friend', 'moderator', 'admin'] as const) {
        expect((await api.send('get', `/imports/${importId}`, { user: users[reader] })).status).toBe(404);
        const page = await read<Page<{ id: string }>>(reader, '/imports');
        expect(page.items).toEqual([]);
      }
      const own = await read<Page<{ id: string }>>('owner', '/imports');
      expect(own.items.map((item) => item.id)).toEqual([importId]);
    });
  });

  describe('hidden comments', () => {
    it('GET /films/{id}/comments lists them for their author and moderators (hidden: true) only', async () => {
      for (const reader of READERS) {
        const page = await read<Page<CommentItem>>(reader, `/films/${films.commented}/comments`);
        const sees = ['owner', 'moderator', 'admin'].includes(reader);
        const shown = page.items.map((item) => [item.id, item.hidden ?? false]);
        const visible = [comments.visible, false];
        expect([reader, shown]).toEqual([
          reader,
          sees ? [visible, [comments.hidden, true], [comments.autoHidden, true]] : [visible],
        ]);
      }
    });

    it('GET /comments/{id} of a hidden comment: 200 with hidden: true for the author and moderators, 404 for everyone else', async () => {
      for (const id of [comments.hidden, comments.autoHidden])
        for (const reader of READERS) {
          const user = as(reader);
          const response = await api.send('get', `/comments/${id}`, user ? { user } : {});
          const sees = ['owner', 'moderator', 'admin'].includes(reader);
          expect([reader, response.status]).toEqual([reader, sees ? 200 : 404]);
          if (sees) expect(response.body).toMatchObject({ id, hidden: true });
        }
    });

    it('film stats and the author’s profile count visible comments only, for every reader', async () => {
      for (const reader of READERS) {
        const stats = await read<{ comments: number }>(reader, `/films/${films.commented}/stats`);
        const profile = await read<{ counts: { comments: number } }>(
          reader,
          `/users/${users.owner.username}`,
        );
        expect([reader, stats.comments, profile.counts.comments]).toEqual([reader, 1, 1]);
      }
    });

    it('activity and feeds show "commented" for the visible comment only', async () => {
      const commented = (items: ActivityItem[]) => items.filter((item) => item.verb === 'commented').length;
      for (const reader of READERS) {
        const film = await read<Page<ActivityItem>>(reader, `/films/${films.commented}/activity`, {
          limit: 100,
        });
        const profile = await read<Page<ActivityItem>>(reader, `/users/${users.owner.username}/activity`, {
          limit: 100,
        });
        expect([reader, commented(film.items), commented(profile.items)]).toEqual([reader, 1, 1]);
      }
      for (const reader of ['fan', 'friend'] as const) {
        const feed = await read<Page<ActivityItem>>(reader, '/feed', { limit: 100 });
        expect([reader, commented(feed.items)]).toEqual([reader, 1]);
      }
    });

    it('the moderation queue and log answer 401/403 to everyone but moderators, who see the reported comment', async () => {
      for (const path of ['/moderation/queue', '/moderation/log'])
        for (const reader of ['anonymous', 'fan', 'friend', 'owner'] as const) {
          const user = as(reader);
          const response = await api.send('get', path, user ? { user } : {});
          expect([path, reader, response.status]).toEqual([path, reader, reader === 'anonymous' ? 401 : 403]);
        }
      for (const reader of ['moderator', 'admin'] as const) {
        const queue = await read<Page<{ comment: { id: string; hidden: boolean } }>>(
          reader,
          '/moderation/queue',
        );
        expect(queue.items.map((item) => item.comment)).toEqual([
          expect.objectContaining({ id: comments.autoHidden, hidden: true }),
        ]);
      }
    });
  });
});
