import type { Film } from '../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilm } from './support/films.js';
import { ListClient, type FilmListsBody, type ListSummaryBody } from './support/list-client.js';
import type { Page } from './support/member-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Visibility = 'private' | 'friends' | 'public';
type ReaderKind = 'owner' | 'friend' | 'fan' | 'stranger' | 'admin' | 'anonymous';

/** Who sees a list of each visibility: friends are the members the owner follows, not their followers. */
const SEES: Record<Visibility, readonly ReaderKind[]> = {
  private: ['owner'],
  friends: ['owner', 'friend'],
  public: ['owner', 'friend', 'fan', 'stranger', 'admin', 'anonymous'],
};
const READERS: readonly ReaderKind[] = ['owner', 'friend', 'fan', 'stranger', 'admin', 'anonymous'];
const VISIBILITIES: readonly Visibility[] = ['private', 'friends', 'public'];

describe('lists (e2e): visibility for each kind of reader', () => {
  let testApp: TestApp;
  let lists: ListClient;
  let film: Film;
  let readers: Record<Exclude<ReaderKind, 'anonymous'>, TestUser>;
  const listIds = {} as Record<Visibility, string>;
  let officialId: string;

  const as = (kind: ReaderKind): TestUser | undefined => (kind === 'anonymous' ? undefined : readers[kind]);

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(testApp.app);
    film = await addFilm(testApp.app);
    const [owner, friend, fan, stranger] = await Promise.all(
      [1, 2, 3, 4].map(() => registerUser(testApp.app)),
    );
    const admin = await registerUser(testApp.app, { roles: ['admin'] });
    readers = { owner: owner!, friend: friend!, fan: fan!, stranger: stranger!, admin };
    await lists.follow(readers.owner, readers.friend);
    // The fan follows the owner, which does not make them the owner's friend.
    await lists.follow(readers.fan, readers.owner);
    for (const visibility of VISIBILITIES) {
      listIds[visibility] = await lists.create(readers.owner, { title: `A ${visibility} list`, visibility });
      await lists.put(readers.owner, listIds[visibility], film, { note: 'seen at the festival' });
    }
    officialId = await lists.create(readers.admin, { title: 'Official', official: true });
    await lists.put(readers.admin, officialId, film);
  });

  afterAll(() => testApp.close());

  it.each(VISIBILITIES)(
    'GET /lists/{id} of a %s list: 200 for those who see it, 404 for everyone else',
    async (visibility) => {
      for (const reader of READERS) {
        const response = await lists.call(as(reader), 'get', `/lists/${listIds[visibility]}`);
        expect([reader, response.status]).toEqual([reader, SEES[visibility].includes(reader) ? 200 : 404]);
      }
    },
  );

  it('GET /users/{username}/lists shows each reader the owner’s lists they may see, newest first', async () => {
    for (const reader of READERS) {
      const page = await lists.read<Page<ListSummaryBody>>(
        `/users/${readers.owner.username}/lists`,
        as(reader),
      );
      const expected = [...VISIBILITIES].reverse().filter((visibility) => SEES[visibility].includes(reader));
      expect([reader, page.items.map((list) => list.visibility)]).toEqual([reader, expected]);
    }
  });

  it('GET /lists shows public lists only, to everyone', async () => {
    for (const reader of READERS) {
      const page = await lists.read<Page<ListSummaryBody>>('/lists', as(reader), { limit: 100 });
      expect([reader, page.items.map((list) => list.id)]).toEqual([reader, [officialId, listIds.public]]);
    }
  });

  it('GET /films/{id}/lists counts official lists only, whoever reads', async () => {
    for (const reader of READERS) {
      const body = await lists.read<FilmListsBody>(`/films/${film.id}/lists`, as(reader));
      expect([reader, body.currentCount, body.everCount, body.items.map((item) => item.list.id)]).toEqual([
        reader,
        1,
        1,
        [officialId],
      ]);
    }
  });

  it.each(VISIBILITIES)(
    'writes on a %s list: the owner 200, a reader who sees it 403, anyone else 404',
    async (visibility) => {
      const id = listIds[visibility];
      for (const reader of READERS.filter((kind) => kind !== 'owner' && kind !== 'anonymous')) {
        const expected = SEES[visibility].includes(reader) ? 403 : 404;
        const user = as(reader)!;
        const statuses = [
          (await lists.put(user, id, film)).status,
          (await lists.remove(user, id, film)).status,
          (await lists.call(user, 'patch', `/lists/${id}`, { title: 'Mine now' })).status,
          (await lists.call(user, 'delete', `/lists/${id}`)).status,
          (await lists.edition(user, id, [film.id])).status,
        ];
        expect([reader, statuses]).toEqual([reader, [expected, expected, expected, expected, expected]]);
      }
      expect((await lists.call(undefined, 'put', `/lists/${id}/items/${film.id}`, {})).status).toBe(401);
      expect((await lists.put(readers.owner, id, film, { note: 'still mine' })).status).toBe(200);
      expect((await lists.list(id, readers.owner)).title).toBe(`A ${visibility} list`);
    },
  );

  it('an official list is public: members see it and get 403 on writes; admins edit it', async () => {
    for (const reader of READERS)
      expect([reader, (await lists.call(as(reader), 'get', `/lists/${officialId}`)).status]).toEqual([
        reader,
        200,
      ]);
    expect((await lists.put(readers.stranger, officialId, film, { note: 'x' })).status).toBe(403);
    expect((await lists.put(readers.admin, officialId, film, { note: 'canon' })).status).toBe(200);
  });

  it('follows and visibility changes take effect: an unfollowed friend loses the list, a list made public appears', async () => {
    const plan = await lists.create(readers.owner, {
      title: 'Festival plan',
      visibility: 'friends',
      ranked: false,
    });
    expect((await lists.call(readers.friend, 'get', `/lists/${plan}`)).status).toBe(200);
    const unfollowed = await lists.call(readers.owner, 'delete', `/users/${readers.friend.username}/follow`);
    expect(unfollowed.status).toBe(200);
    expect((await lists.call(readers.friend, 'get', `/lists/${plan}`)).status).toBe(404);
    expect((await lists.put(readers.friend, plan, film)).status).toBe(404);
    await lists.follow(readers.owner, readers.friend);
    expect((await lists.call(readers.friend, 'get', `/lists/${plan}`)).status).toBe(200);

    expect((await lists.call(readers.stranger, 'get', `/lists/${plan}`)).status).toBe(404);
    await lists.call(readers.owner, 'patch', `/lists/${plan}`, { visibility: 'public' });
    expect((await lists.call(readers.stranger, 'get', `/lists/${plan}`)).status).toBe(200);
    const page = await lists.read<Page<ListSummaryBody>>('/lists', undefined, { official: 'false' });
    expect(page.items[0]).toMatchObject({ id: plan, visibility: 'public', ranked: false });
    await lists.call(readers.owner, 'patch', `/lists/${plan}`, { visibility: 'private' });
    expect((await lists.call(readers.friend, 'get', `/lists/${plan}`)).status).toBe(404);
    const after = await lists.read<Page<ListSummaryBody>>('/lists', undefined, { official: 'false' });
    expect(after.items.map((list) => list.id)).not.toContain(plan);
  });
});
