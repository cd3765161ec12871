import { castOf, type Cast, type Client } from './support/mixed-load.js';
import { PrivatePostgres } from './support/private-postgres.js';
import { Stack } from './support/stack.js';

/** The replica replays the primary's WAL this late, so a read that does not wait sees the lag. */
const REPLICA_DELAY_MS = 300;
const ROUNDS = 20;

/**
 * Queries go to a streaming replica (DATABASE_READ_URL) while commands and projections use the
 * primary. A read carrying X-Consistent-With still sees its own write: it waits until the replica
 * shows the projection's checkpoint, which commits with the rows.
 */
describe('queries on a read replica', () => {
  let stack: Stack;
  let replica: PrivatePostgres;
  let client: Client;
  let cast: Cast;

  beforeAll(async () => {
    stack = await Stack.start();
    replica = await PrivatePostgres.replicaOf(stack.postgres, { applyDelayMs: REPLICA_DELAY_MS });
    const api = await stack.startProcess('api', { DATABASE_READ_URL: replica.url('filmlog') });
    await stack.startProcess('worker');
    client = stack.client(api);
    cast = await castOf(client, 2, ROUNDS * 2);
  });
  afterAll(async () => {
    await stack?.destroy();
    replica?.destroy();
  });

  async function favouriteThenRead(filmId: string, consistent: boolean) {
    const member = cast.members[0]!;
    const write = await client.send('favourite', 'PUT', `/films/${filmId}/favourite`, {
      token: member.token,
    });
    expect(write.status).toBe(200);
    const position = (write.body as { position: string }).position;
    const headers: Record<string, string> = consistent ? { 'x-consistent-with': position } : {};
    const [own, stats] = await Promise.all([
      client.send('own state', 'GET', `/me/films/${filmId}`, { token: member.token, headers }),
      client.send('stats', 'GET', `/films/${filmId}/stats`, { headers }),
    ]);
    return {
      favourite: (own.body as { favourite: boolean }).favourite,
      favourites: (stats.body as { favourites: number }).favourites,
      ms: own.ms,
    };
  }

  it('shows a reader their own writes when they send the position', async () => {
    const reads = [];
    for (const filmId of cast.filmIds.slice(0, ROUNDS)) reads.push(await favouriteThenRead(filmId, true));
    expect(reads.map(({ favourite, favourites }) => ({ favourite, favourites }))).toEqual(
      reads.map(() => ({ favourite: true, favourites: 1 })),
    );
    const slowest = Math.max(...reads.map((read) => read.ms));
    console.log(`read replica: ${ROUNDS} consistent reads, each right; slowest ${slowest} ms`);
  });

  it('reads from the replica indeed: without the position, a read right after the write is stale', async () => {
    const reads = [];
    for (const filmId of cast.filmIds.slice(ROUNDS)) reads.push(await favouriteThenRead(filmId, false));
    const stale = reads.filter((read) => !read.favourite || read.favourites === 0);
    expect(stale.length).toBeGreaterThan(ROUNDS / 2);
    console.log(`read replica: ${stale.length} of ${ROUNDS} reads without the position were stale`);
  });
});
