import { Redis } from 'ioredis';
import { castOf, type Cast, type Client } from './support/mixed-load.js';
import { PrivateRedis, PrivateSentinel } from './support/private-redis.js';
import { Stack } from './support/stack.js';

const MASTER = 'filmlog-jobs';

/**
 * Redis behind Sentinel (REDIS_SENTINELS): the service finds the master through the sentinel, and
 * when the master dies and the sentinel promotes its replica, the jobs run on the new master
 * without a restart of the service.
 */
describe('Redis through Sentinel', () => {
  let stack: Stack;
  let replica: PrivateRedis;
  let sentinel: PrivateSentinel;
  let client: Client;
  let cast: Cast;

  beforeAll(async () => {
    stack = await Stack.start();
    replica = await PrivateRedis.replicaOf(stack.redis);
    sentinel = await PrivateSentinel.watch(stack.redis, MASTER);
    const viaSentinel = { REDIS_SENTINELS: sentinel.address, REDIS_SENTINEL_MASTER: MASTER };
    const api = await stack.startProcess('api', viaSentinel);
    await stack.startProcess('worker', viaSentinel);
    client = stack.client(api);
    cast = await castOf(client, 5, 2);
  });
  afterAll(async () => {
    await stack?.destroy();
    await replica?.destroy();
    await sentinel?.destroy();
  });

  /** Posts a comment and has three members report it; resolves with the ms until it was auto-hidden. */
  async function autoHiddenAfter(timeoutMs: number): Promise<number> {
    const [author, ...reporters] = cast.members;
    const filmId = cast.filmIds[0]!;
    const posted = await client.must('post', 'POST', `/films/${filmId}/comments`, {
      token: author!.token,
      body: { body: 'Hidden by three reports' },
    });
    const started = Date.now();
    for (const reporter of reporters.slice(0, 3)) {
      await client.must('report', 'POST', `/comments/${String(posted.id)}/reports`, {
        token: reporter.token,
        body: { reason: 'spam' },
      });
    }
    while (Date.now() - started < timeoutMs) {
      const seen = await client.send('read', 'GET', `/comments/${String(posted.id)}`);
      if (seen.status === 404) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the comment was not auto-hidden within ${timeoutMs} ms`);
  }

  it('runs jobs on the master the sentinel names, before and after a failover', async () => {
    const before = await autoHiddenAfter(15_000);

    const watcher = new Redis(sentinel.url());
    try {
      // The sentinel learns of the replica from the master's INFO, every few seconds.
      const deadline = Date.now() + 30_000;
      while (((await watcher.call('SENTINEL', 'REPLICAS', MASTER)) as unknown[]).length === 0) {
        if (Date.now() > deadline) throw new Error('the sentinel never saw the replica');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await stack.redis.stop();
      const killedAt = Date.now();
      let promoted = false;
      while (!promoted && Date.now() - killedAt < 30_000) {
        const [, port] = (await watcher.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER)) as string[];
        promoted = Number(port) === replica.port;
        if (!promoted) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(promoted).toBe(true);
      const promotedAfter = Date.now() - killedAt;
      const after = await autoHiddenAfter(30_000);
      console.log(
        `Redis Sentinel: auto-hide in ${before} ms on the first master; master killed, replica ` +
          `promoted after ${promotedAfter} ms; auto-hide on the new master in ${after} ms`,
      );
    } finally {
      watcher.disconnect();
    }
  });
});
