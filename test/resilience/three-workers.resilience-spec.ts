import { heldLockCondition } from '../../libs/projections/src/advisory-lock.js';
import { projections } from '../../src/features.js';
import { castOf, runMixedLoad, type Cast, type Client } from './support/mixed-load.js';
import type { ServiceProcess } from './support/service-process.js';
import { Stack } from './support/stack.js';

/** "Within a few seconds": a dead holder's connection is gone and another worker retries its lock. */
const HANDOVER_BOUND_MS = 5_000;
const names = projections.map((projection) => projection.name);

/**
 * Three worker processes at once: each projection's advisory lock is held by exactly one of them
 * (connections carry their process id in application_name), and killing that one hands the
 * projection to another within a few seconds, with no event applied twice.
 */
describe('three worker processes', () => {
  let stack: Stack;
  let client: Client;
  let cast: Cast;
  let workers: ServiceProcess[];

  beforeAll(async () => {
    stack = await Stack.start();
    const api = await stack.startProcess('api');
    client = stack.client(api);
    workers = [];
    for (let index = 0; index < 3; index += 1) workers.push(await stack.startProcess('worker'));
    cast = await castOf(client, 12, 6);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  /** For each projection, the process ids of the workers whose connections hold its lock. */
  async function holders(): Promise<Map<string, number[]>> {
    const { rows } = await stack.readModels.pool.query<{ name: string; application_name: string }>(
      `SELECT name, a.application_name
       FROM unnest($1::text[]) AS name
       JOIN pg_locks ON ${heldLockCondition('name')}
       JOIN pg_stat_activity a ON a.pid = pg_locks.pid`,
      [names],
    );
    const held = new Map<string, number[]>(names.map((name) => [name, []]));
    for (const row of rows) held.get(row.name)!.push(Number(row.application_name.split('-').at(-1)));
    return held;
  }

  async function untilEachHeldOnce(timeoutMs: number): Promise<Map<string, number[]>> {
    const deadline = Date.now() + timeoutMs;
    let held = await holders();
    while ([...held.values()].some((pids) => pids.length !== 1) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      held = await holders();
    }
    return held;
  }

  it('applies each projection in exactly one worker and fails over when it is killed', async () => {
    const load = new AbortController();
    const running = runMixedLoad(client, cast, { concurrency: 4, seed: 3, signal: load.signal });
    const handovers: number[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const held = await untilEachHeldOnce(10_000);
        const live = new Set(workers.filter((worker) => worker.running).map((worker) => worker.pid));
        for (const [name, pids] of held) {
          expect({ name, holders: pids.length }).toEqual({ name, holders: 1 });
          expect(live.has(pids[0]!)).toBe(true);
        }
        // The busiest holder dies; its projections must move to the survivors.
        const counts = new Map<number, number>();
        for (const [pid] of held.values()) counts.set(pid!, (counts.get(pid!) ?? 0) + 1);
        const victimPid = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
        const victim = workers.find((worker) => worker.pid === victimPid)!;
        const orphaned = [...held].filter(([, pids]) => pids[0] === victimPid).map(([name]) => name);
        const killedAt = Date.now();
        await victim.kill();
        const after = await untilEachHeldOnce(HANDOVER_BOUND_MS * 2);
        const handedOverAfter = Date.now() - killedAt;
        for (const name of orphaned) {
          expect(after.get(name)).toHaveLength(1);
          expect(after.get(name)![0]).not.toBe(victimPid);
        }
        expect(handedOverAfter).toBeLessThan(HANDOVER_BOUND_MS);
        handovers.push(handedOverAfter);
        // A replacement keeps three processes competing.
        workers = [...workers.filter((worker) => worker.running), await stack.startProcess('worker')];
      }
    } finally {
      load.abort();
      await running;
    }
    await stack.readModels.untilCaughtUp(60_000);
    expect(await stack.readModels.deadLetters()).toEqual([]);
    expect(await stack.readModels.differencesFromRecount(client, cast.admin, 120_000)).toEqual([]);
    console.log(
      `three workers: projections handed over ${handovers.join(', ')} ms after their holder was killed`,
    );
  });
});
