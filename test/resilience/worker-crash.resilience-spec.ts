import { castOf, Random, runMixedLoad, type Cast, type Client } from './support/mixed-load.js';
import type { ServiceProcess } from './support/service-process.js';
import { Stack } from './support/stack.js';

const KILLS = 20;
const SEED = 20261121;

/**
 * The worker (projections and jobs) is killed with SIGKILL at random moments while mixed
 * commands run, and started again each time. Afterwards every read model must equal a recount
 * from the event store: an event applied twice or skipped would leave a counter or row different.
 */
describe('a worker killed with SIGKILL again and again under load', () => {
  let stack: Stack;
  let api: ServiceProcess;
  let client: Client;
  let cast: Cast;
  let worker: ServiceProcess;

  beforeAll(async () => {
    stack = await Stack.start();
    api = await stack.startProcess('api');
    // The admin's role reaches the guard through the members projection.
    worker = await stack.startProcess('worker');
    client = stack.client(api);
    cast = await castOf(client, 24, 12);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it(`loses nothing and applies nothing twice over ${KILLS} kills`, async () => {
    const random = new Random(SEED);
    const load = new AbortController();
    const running = runMixedLoad(client, cast, { concurrency: 8, seed: SEED, signal: load.signal });

    const killedAfterMs: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      // From a few milliseconds after a start (mid catch-up) to a couple of seconds (mid batch).
      const wait = 50 + random.below(2_000);
      await new Promise((resolve) => setTimeout(resolve, wait));
      await worker.kill();
      killedAfterMs.push(wait);
      worker = await stack.startProcess('worker');
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    load.abort();
    await running;

    const writes = client.outcomes.filter((outcome) => outcome.method !== 'GET');
    const failures = client.outcomes.filter((outcome) => outcome.status === 0 || outcome.status >= 500);
    expect(failures).toEqual([]);
    // The api never depended on the worker: every command got its answer.
    expect(writes.filter((outcome) => outcome.status >= 200 && outcome.status < 300).length).toBeGreaterThan(
      500,
    );

    await stack.readModels.untilCaughtUp(120_000);
    expect(await stack.readModels.deadLetters()).toEqual([]);
    const rows = await stack.readModels.rowCounts();
    const differences = await stack.readModels.differencesFromRecount(client, cast.admin, 180_000);
    expect(differences).toEqual([]);
    expect(rows.user_film_state).toBeGreaterThan(0);
    expect(rows.film_stats).toBeGreaterThan(0);
    // The comparison itself can fail: one counter off by one in the copy is found.
    await stack.readModels.pool.query(
      `UPDATE before_recount_film_stats SET checks = checks + 1
       WHERE film_id = (SELECT film_id FROM before_recount_film_stats LIMIT 1)`,
    );
    expect(await stack.readModels.differencesFromCopies()).toHaveLength(2);
    console.log(
      `worker crash test: ${KILLS} SIGKILLs after ${killedAfterMs.join(', ')} ms; ` +
        `${client.outcomes.length} requests; read-model rows ${JSON.stringify(rows)}`,
    );
  });
});
