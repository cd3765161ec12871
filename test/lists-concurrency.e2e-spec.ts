import { EVENT_STORE, type EventStore } from '#event-store';
import type { Film } from '../src/modules/catalog/films/film.js';
import { listStream } from '../src/modules/lists/domain/list.events.js';
import { registerUser, type TestUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Moves at once on one list, through two API processes: each keeps its own folds of the list, so
 * each is stale whenever the other moved; the expected-revision append must still land every move
 * exactly once, and the ranks must be the ones the stream's order of moves gives.
 */
describe('lists (e2e): concurrent moves on one list', () => {
  let testApp: TestApp;
  let secondApi: TestApp;
  let clients: ListClient[];
  let owner: TestUser;
  let films: Film[];

  beforeAll(async () => {
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: '0' };
    testApp = await startTestApp({ env });
    secondApi = await startTestApp({ env: { ...env, APP_ROLE: 'api' }, database: testApp.database });
    clients = [new ListClient(testApp.app), new ListClient(secondApi.app)];
    owner = await registerUser(testApp.app);
    films = await addFilms(testApp.app, 30);
  });

  afterAll(async () => {
    await secondApi.close();
    await testApp.close();
  });

  it('lands every move once and ranks the films as the stream orders the moves', async () => {
    const [first, second] = clients as [ListClient, ListClient];
    const id = await first.create(owner, { title: 'Contested' });
    await first.fill(owner, id, films);
    // Both processes fold the list before the race, so both start from a kept fold.
    expect((await second.put(owner, id, films[1]!, { rank: 2 })).status).toBe(200);

    // Each film after the first is moved once to the top: no move can be a no-op.
    const moved = films.slice(1, 25);
    const answers = await Promise.all(
      moved.map((film, index) => clients[index % 2]!.put(owner, id, film, { rank: 1 })),
    );
    expect(answers.map((answer) => [answer.status, answer.body.rank, answer.body.size])).toEqual(
      moved.map(() => [200, 1, films.length]),
    );

    const store = testApp.app.get<EventStore>(EVENT_STORE);
    const reorders: string[] = [];
    for await (const event of store.readStream(listStream(id)))
      if (event.type === 'ListReordered') reorders.push(event.data.filmId as string);
    expect([...reorders].sort()).toEqual(moved.map((film) => film.id).sort());

    const expected = [...reorders.toReversed(), films[0]!.id, ...films.slice(25).map((film) => film.id)];
    // A put that changes nothing answers the stream's last position, so the read waits for every move.
    await first.put(owner, id, films[0]!);
    expect(await first.filmsOf(id)).toEqual(expected);
    const list = await first.list(id, owner, { limit: 100 });
    expect(list.items.map((item) => item.rank)).toEqual(films.map((_, index) => index + 1));
    // A later move in either process decides on the state both races left.
    expect((await second.put(owner, id, films[0]!, { rank: 1 })).body).toMatchObject({ rank: 1 });
    expect((await first.put(owner, id, films[0]!, { rank: 30 })).body).toMatchObject({ rank: 30 });
    // Read through the client that made the last move: each waits only for the writes it made.
    expect(await first.filmsOf(id)).toEqual([
      ...expected.filter((film) => film !== films[0]!.id),
      films[0]!.id,
    ]);
  });
});
