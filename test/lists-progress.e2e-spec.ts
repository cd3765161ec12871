import type { Film } from '../src/modules/catalog/films/film.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import { ListClient, type ListProgressBody, type ListSummaryBody } from './support/list-client.js';
import type { Page } from './support/member-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('lists (e2e): progress and awards', () => {
  let testApp: TestApp;
  let lists: ListClient;
  let owner: TestUser;
  let admin: TestUser;
  let films: Film[];

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    lists = new ListClient(testApp.app);
    owner = await registerUser(testApp.app);
    admin = await registerUser(testApp.app, { roles: ['admin'] });
    films = await addFilms(testApp.app, 12);
  });

  afterAll(() => testApp.close());

  const progressOn = async (listId: string, reader: TestUser): Promise<ListProgressBody | undefined> =>
    (await lists.list(listId, reader)).progress;

  const progress = (
    checked: number,
    total: number,
    percent: number,
    award: ListProgressBody['award'],
  ): ListProgressBody => ({ checked, total, percent, award });

  it('a 4-film list: each check crosses a threshold (bronze, silver, platinum) and each uncheck goes back', async () => {
    const member = await registerUser(testApp.app);
    const id = await lists.create(owner, { title: 'Four' });
    await lists.fill(owner, id, films.slice(0, 4));
    const steps = [
      progress(0, 4, 0, null),
      progress(1, 4, 25, null),
      progress(2, 4, 50, 'bronze'),
      progress(3, 4, 75, 'silver'),
      progress(4, 4, 100, 'platinum'),
    ];
    expect(await progressOn(id, member)).toEqual(steps[0]);
    for (let n = 1; n <= 4; n += 1) {
      await lists.check(member, films[n - 1]!);
      expect(await progressOn(id, member)).toEqual(steps[n]);
    }
    for (let n = 3; n >= 0; n -= 1) {
      await lists.check(member, films[n]!, 'delete');
      expect(await progressOn(id, member)).toEqual(steps[n]);
    }
  });

  it('a 10-film list: 5 bronze, 8 silver, 9 gold, 10 platinum, and one film less drops each award', async () => {
    const member = await registerUser(testApp.app);
    const id = await lists.create(admin, { title: 'Ten', official: true });
    await lists.fill(admin, id, films.slice(0, 10));
    const awards: (ListProgressBody['award'] | undefined)[] = [];
    for (const film of films.slice(0, 10)) {
      await lists.check(member, film);
      awards.push((await progressOn(id, member))?.award);
    }
    expect(awards).toEqual([
      null,
      null,
      null,
      null,
      'bronze',
      'bronze',
      'bronze',
      'silver',
      'gold',
      'platinum',
    ]);
    await lists.check(member, films[0]!, 'delete');
    expect(await progressOn(id, member)).toEqual(progress(9, 10, 90, 'gold'));
    await lists.check(member, films[1]!, 'delete');
    expect(await progressOn(id, member)).toEqual(progress(8, 10, 80, 'silver'));
    await lists.check(member, films[2]!, 'delete');
    await lists.check(member, films[3]!, 'delete');
    expect(await progressOn(id, member)).toEqual(progress(6, 10, 60, 'bronze'));
    await lists.check(member, films[4]!, 'delete');
    await lists.check(member, films[5]!, 'delete');
    expect(await progressOn(id, member)).toEqual(progress(4, 10, 40, null));
  });

  it('adding a film lowers the percent and can take an award away; removing it gives it back', async () => {
    const member = await registerUser(testApp.app);
    const id = await lists.create(owner, { title: 'Growing' });
    await lists.fill(owner, id, films.slice(0, 4));
    for (const film of films.slice(0, 3)) await lists.check(member, film);
    expect(await progressOn(id, member)).toEqual(progress(3, 4, 75, 'silver'));
    await lists.put(owner, id, films[4]!);
    expect(await progressOn(id, member)).toEqual(progress(3, 5, 60, 'bronze'));
    await lists.put(owner, id, films[5]!, { rank: 1 });
    expect(await progressOn(id, member)).toEqual(progress(3, 6, 50, 'bronze'));
    await lists.put(owner, id, films[6]!);
    expect(await progressOn(id, member)).toEqual(progress(3, 7, 42.9, null));
    // A move changes nothing; removing an unchecked film raises the percent, a checked one lowers it.
    await lists.put(owner, id, films[0]!, { rank: 7 });
    await lists.remove(owner, id, films[6]!);
    expect(await progressOn(id, member)).toEqual(progress(3, 6, 50, 'bronze'));
    await lists.remove(owner, id, films[0]!);
    expect(await progressOn(id, member)).toEqual(progress(2, 5, 40, null));
  });

  it('a new edition recounts progress: dropped films stop counting, new ones already checked count', async () => {
    const member = await registerUser(testApp.app);
    const id = await lists.create(admin, { title: 'Edition', official: true });
    await lists.fill(admin, id, films.slice(0, 4));
    for (const film of [films[0]!, films[1]!, films[8]!]) await lists.check(member, film);
    expect(await progressOn(id, member)).toEqual(progress(2, 4, 50, 'bronze'));
    expect((await lists.edition(admin, id, [films[8]!.id, films[9]!.id, films[0]!.id])).status).toBe(200);
    expect(await progressOn(id, member)).toEqual(progress(2, 3, 66.7, 'bronze'));
    await lists.check(member, films[9]!);
    expect(await progressOn(id, member)).toEqual(progress(3, 3, 100, 'platinum'));
  });

  it('progress is the reader’s own, on every list view, and absent for anonymous readers', async () => {
    const member = await registerUser(testApp.app);
    const other = await registerUser(testApp.app);
    const id = await lists.create(member, { title: 'Everywhere' });
    await lists.fill(member, id, films.slice(10, 12));
    await lists.check(member, films[10]!);
    const mine = progress(1, 2, 50, 'bronze');
    expect(await progressOn(id, member)).toEqual(mine);
    expect(await progressOn(id, other)).toEqual(progress(0, 2, 0, null));
    expect((await lists.list(id)).progress).toBeUndefined();

    const profile = await lists.read<Page<ListSummaryBody>>(`/users/${member.username}/lists`, member);
    expect(profile.items).toEqual([
      {
        id,
        title: 'Everywhere',
        owner: { id: member.id, username: member.username },
        ranked: true,
        official: false,
        visibility: 'public',
        size: 2,
        progress: mine,
      },
    ]);
    const seenByOther = await lists.read<Page<ListSummaryBody>>(`/users/${member.username}/lists`, other);
    expect(seenByOther.items[0]!.progress).toEqual(progress(0, 2, 0, null));
    const anonymous = await lists.read<Page<ListSummaryBody>>(`/users/${member.username}/lists`);
    expect(anonymous.items[0]!.progress).toBeUndefined();
    const search = await lists.read<Page<ListSummaryBody>>('/lists', member, { q: 'everywhere' });
    expect(search.items.find((list) => list.id === id)?.progress).toEqual(mine);
  });
});
