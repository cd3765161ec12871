import type pg from 'pg';
import request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { ProjectionMonitor, type Projection, type RetrySettings } from '#projections';
import { READ_MODEL_POOL } from '../src/platform/database/database.module.js';
import { filmLogStream, parseFilmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { filmStatsProjection } from '../src/modules/film-log/projections/film-stats.projection.js';
import { membersProjection } from '../src/modules/identity/projections/members.projection.js';
import { listStream } from '../src/modules/lists/domain/list.events.js';
import { listsProjection } from '../src/modules/lists/projections/lists.projection.js';
import { bearer, registerUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import { ListClient } from './support/list-client.js';
import { MemberClient } from './support/member-client.js';
import { PROBLEM_JSON } from './support/problems.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Short pauses, so a poisoned event is parked or halted at within a second. */
const FAST_RETRY: RetrySettings = { maxAttempts: 3, retryBaseMs: 20, maxRetryDelayMs: 200 };
const POISON_ERROR = 'the handler cannot apply this event';
const WAIT_MS = 15_000;

interface Cause {
  /** Which events the handler throws for; none once the cause is removed. */
  pick: ((event: RecordedEvent) => boolean) | null;
  /** Batches it threw for. */
  throws: number;
}

/** The real projection (its name, tables and policy), with an apply that throws while `cause` picks an event. */
function poisonable(projection: Projection): { projection: Projection; cause: Cause } {
  const cause: Cause = { pick: null, throws: 0 };
  return {
    cause,
    projection: {
      ...projection,
      retry: FAST_RETRY,
      async apply(events, context) {
        if (cause.pick && events.some(cause.pick)) {
          cause.throws += 1;
          throw new Error(POISON_ERROR);
        }
        await projection.apply(events, context);
      },
    },
  };
}

async function eventsOf(testApp: TestApp, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of testApp.app.get<EventStore>(EVENT_STORE).readStream(stream)) events.push(event);
  return events;
}

/** The value of one series of /metrics, by its name and labels as written there. */
async function metric(testApp: TestApp, series: string): Promise<number | undefined> {
  const { text } = await request(testApp.app.getHttpServer()).get('/metrics').expect(200);
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** GET /health/ready until it answers `status` and the answer satisfies `holds` (a probe asks again too). */
async function readyUntil(
  testApp: TestApp,
  status: number,
  holds: (body: { checks: { projections: { reason?: string } } }) => boolean = () => true,
): Promise<request.Response> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready');
    if (response.status === status && holds(response.body)) return response;
    if (Date.now() > deadline) {
      throw new Error(`/health/ready answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a poison event in a 'park' projection (film-stats)", () => {
  const filmStats = poisonable(filmStatsProjection);
  let testApp: TestApp;
  let pool: pg.Pool;

  beforeAll(async () => {
    testApp = await startTestApp({ projections: [membersProjection, filmStats.projection] });
    pool = testApp.app.get<pg.Pool>(READ_MODEL_POOL);
  });

  afterAll(() => testApp?.close());

  it('is retried, parked and reported on /health/ready and /metrics; later events are applied', async () => {
    expect(filmStatsProjection.onPoisonEvent ?? 'park').toBe('park');
    const members = new MemberClient(testApp.app);
    const [member] = await members.members(1);
    const [poisoned, other] = await addFilms(testApp.app, 2);
    filmStats.cause.pick = (event) =>
      event.type === 'FilmFavourited' && parseFilmLogStream(event.streamId).filmId === poisoned!.id;

    await members.mark(member!, 'put', 'check', poisoned!);
    await members.mark(member!, 'put', 'favourite', poisoned!);
    await members.mark(member!, 'put', 'check', other!);
    await members.mark(member!, 'put', 'favourite', other!);

    const monitor = testApp.app.get(ProjectionMonitor);
    expect(await monitor.waitFor(['film-stats'], members.latest, WAIT_MS)).toBe(true);
    // Every attempt of the batch holding it, then the event alone.
    expect(filmStats.cause.throws).toBeGreaterThanOrEqual(FAST_RETRY.maxAttempts! + 1);
    const favourite = (await eventsOf(testApp, filmLogStream(member!.id, poisoned!.id))).find(
      (event) => event.type === 'FilmFavourited',
    )!;
    const { rows: parked } = await pool.query(
      'SELECT projection, event_id, event_type, position, error, attempts FROM projection_dead_letters',
    );
    expect(parked).toEqual([
      {
        projection: 'film-stats',
        event_id: favourite.metadata.eventId,
        event_type: 'FilmFavourited',
        position: favourite.position,
        error: POISON_ERROR,
        attempts: FAST_RETRY.maxAttempts! + 1,
      },
    ]);
    const { rows: stats } = await pool.query<{ film_id: string; checks: number; favourites: number }>(
      'SELECT film_id, checks, favourites FROM film_stats ORDER BY checks',
    );
    expect(new Map(stats.map((row) => [row.film_id, [row.checks, row.favourites]]))).toEqual(
      new Map([
        [poisoned!.id, [1, 0]],
        [other!.id, [1, 1]],
      ]),
    );

    const ready = await readyUntil(testApp, 200);
    expect(ready.body).toMatchObject({
      status: 'degraded',
      checks: {
        projections: {
          status: 'degraded',
          deadLetters: 1,
          reason: 'dead letters: film-stats (1)',
          projections: expect.arrayContaining([
            expect.objectContaining({ name: 'film-stats', deadLetters: 1, status: 'running', lagEvents: 0 }),
          ]),
        },
      },
    });
    expect(await metric(testApp, 'filmlog_projection_dead_letters_parked{projection="film-stats"}')).toBe(1);
    expect(await metric(testApp, 'filmlog_projection_dead_letters_total{projection="film-stats"}')).toBe(1);
    expect(await metric(testApp, 'filmlog_projection_halted{projection="film-stats"}')).toBe(0);
    expect(await metric(testApp, 'filmlog_projection_status{projection="film-stats",status="running"}')).toBe(
      1,
    );

    // The cause stays, and the projection keeps going on with what comes after.
    await members.mark(member!, 'put', 'watchlist', poisoned!);
    expect(await monitor.waitFor(['film-stats'], members.latest, WAIT_MS)).toBe(true);
    const { rows: after } = await pool.query(
      'SELECT checks, favourites, watchlists FROM film_stats WHERE film_id = $1',
      [poisoned!.id],
    );
    expect(after).toEqual([{ checks: 1, favourites: 0, watchlists: 1 }]);
  });
});

describe("a poison event in a 'halt' projection (lists)", () => {
  const lists = poisonable(listsProjection);
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ projections: [membersProjection, lists.projection] });
  });

  afterAll(() => testApp?.close());

  it('stops the projection at the event, 503s readiness naming it, and resumes once the cause is gone', async () => {
    expect(listsProjection.onPoisonEvent).toBe('halt');
    const http = () => request(testApp.app.getHttpServer());
    const client = new ListClient(testApp.app);
    const monitor = testApp.app.get(ProjectionMonitor);
    const owner = await registerUser(testApp.app);
    const admin = await registerUser(testApp.app, { roles: ['admin'] });
    const [first, second, poisoned, last] = await addFilms(testApp.app, 4);
    const listId = await client.create(owner, { title: 'Halted', ranked: true });
    // Read as is: the route also waits for projections this app does not run.
    const filmsOnList = async (): Promise<string[]> => {
      const { body } = await http()
        .get(`/api/v1/lists/${listId}`)
        .set('Authorization', bearer(owner))
        .expect(200);
      return (body as { items: { film: { id: string } }[] }).items.map((item) => item.film.id);
    };
    /** Puts a film on the list; answers the position of the write. */
    const put = async (film: { id: string }, body: object = {}): Promise<string> => {
      const response = await client.put(owner, listId, film, body);
      expect(response.status).toBe(200);
      return (response.body as { position: string }).position;
    };
    await put(first!);
    expect(await monitor.waitFor(['lists'], await put(second!), WAIT_MS)).toBe(true);
    lists.cause.pick = (event) => event.type === 'FilmAddedToList' && event.data['filmId'] === poisoned!.id;

    await put(poisoned!);
    const lastWrite = await put(last!, { rank: 1 });

    // 'failing' while the batch is retried, then 'halted'.
    const down = await readyUntil(testApp, 503, (body) => body.checks.projections.reason === 'halted: lists');
    const stream = await eventsOf(testApp, listStream(listId));
    const poisonedAdd = stream.find(
      (event) => event.type === 'FilmAddedToList' && event.data['filmId'] === poisoned!.id,
    )!;
    const secondAdd = stream.find(
      (event) => event.type === 'FilmAddedToList' && event.data['filmId'] === second!.id,
    )!;
    expect(down.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(down.body).toMatchObject({
      status: 503,
      detail: 'Not ready: projections',
      checks: {
        postgres: { status: 'up' },
        projections: { status: 'down', deadLetters: 0, reason: 'halted: lists' },
      },
    });
    const halted = (down.body.checks.projections.projections as { name: string }[]).find(
      (projection) => projection.name === 'lists',
    );
    expect(halted).toEqual({
      name: 'lists',
      version: 1,
      checkpoint: secondAdd.position,
      lagEvents: 2,
      lagSeconds: expect.any(Number),
      deadLetters: 0,
      status: 'halted',
      halted: {
        eventId: poisonedAdd.metadata.eventId,
        eventType: 'FilmAddedToList',
        position: poisonedAdd.position,
        attempts: expect.any(Number),
        since: expect.any(String),
      },
    });
    const admins = await http()
      .get('/api/v1/admin/projections')
      .set('Authorization', bearer(admin))
      .expect(200);
    expect(
      (admins.body as { name: string }[]).find((projection) => projection.name === 'lists'),
    ).toMatchObject({
      status: 'halted',
      halted: { error: POISON_ERROR, streamId: listStream(listId), track: 'live' },
    });
    expect(await metric(testApp, 'filmlog_projection_halted{projection="lists"}')).toBe(1);
    expect(await metric(testApp, 'filmlog_projection_status{projection="lists",status="halted"}')).toBe(1);
    expect(await metric(testApp, 'filmlog_projection_dead_letters_parked{projection="lists"}')).toBe(0);
    // Stopped at the event: the list reads as it was before it, and nothing was parked.
    expect(await filmsOnList()).toEqual([first!.id, second!.id]);
    const throwsWhileHalted = lists.cause.throws;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lists.cause.throws).toBeGreaterThan(throwsWhileHalted);

    lists.cause.pick = null;

    expect(await monitor.waitFor(['lists'], lastWrite, WAIT_MS)).toBe(true);
    expect(await filmsOnList()).toEqual([last!.id, first!.id, second!.id, poisoned!.id]);
    const { rows: entries } = await testApp.app
      .get<pg.Pool>(READ_MODEL_POOL)
      .query('SELECT count(*)::int AS entries FROM list_entries WHERE list_id = $1', [listId]);
    expect(entries).toEqual([{ entries: 4 }]);
    const ready = await readyUntil(testApp, 200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { projections: { status: 'up', deadLetters: 0 } },
    });
    expect(
      (ready.body.checks.projections.projections as { name: string }[]).find(
        (projection) => projection.name === 'lists',
      ),
    ).toMatchObject({ status: 'running', lagEvents: 0 });
    expect(await metric(testApp, 'filmlog_projection_halted{projection="lists"}')).toBe(0);
    expect(await metric(testApp, 'filmlog_projection_status{projection="lists",status="running"}')).toBe(1);
  });
});
