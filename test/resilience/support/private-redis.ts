import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '#testing';

/** Waits until a Redis (or Sentinel) at `url` answers PING. */
async function untilAnswering(url: string, child: ChildProcess): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const deadline = Date.now() + 10_000;
  try {
    for (;;) {
      try {
        await client.connect();
        await client.ping();
        return;
      } catch (error) {
        client.disconnect();
        if (Date.now() > deadline || child.exitCode !== null) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.disconnect();
  }
}

/**
 * A Redis server of the test's own on a free port. It keeps an append-only file, as a production
 * Redis behind BullMQ must: a stop and start then keeps the queued jobs.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly directory: string,
    private readonly extraArguments: readonly string[],
  ) {}

  static start(): Promise<PrivateRedis> {
    return PrivateRedis.startWith([]);
  }

  /** A replica of `master`, for a Sentinel to promote. */
  static replicaOf(master: PrivateRedis): Promise<PrivateRedis> {
    return PrivateRedis.startWith(['--replicaof', '127.0.0.1', String(master.port)]);
  }

  private static async startWith(extraArguments: readonly string[]): Promise<PrivateRedis> {
    const directory = mkdtempSync(join(tmpdir(), 'filmlog-redis-'));
    const redis = new PrivateRedis(await freePort(), directory, extraArguments);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const settings = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.directory];
    const durable = ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always'];
    const child = spawn('redis-server', [...settings, ...durable, ...this.extraArguments], {
      stdio: 'ignore',
    });
    this.child = child;
    await untilAnswering(this.url, child);
  }

  /** Stops the server the hard way: clients see their connections drop. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** One Redis Sentinel watching `master` under `name`, deciding alone (quorum 1) and quickly. */
export class PrivateSentinel {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly directory: string,
  ) {}

  static async watch(master: PrivateRedis, name: string): Promise<PrivateSentinel> {
    const directory = mkdtempSync(join(tmpdir(), 'filmlog-sentinel-'));
    const port = await freePort();
    const configuration = join(directory, 'sentinel.conf');
    const settings = [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${directory}`,
      `sentinel monitor ${name} 127.0.0.1 ${master.port} 1`,
      `sentinel down-after-milliseconds ${name} 1000`,
      `sentinel failover-timeout ${name} 5000`,
    ];
    writeFileSync(configuration, `${settings.join('\n')}\n`);
    const child = spawn('redis-server', [configuration, '--sentinel'], { stdio: 'ignore' });
    await untilAnswering(`redis://127.0.0.1:${port}`, child);
    return new PrivateSentinel(child, port, directory);
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  url(): string {
    return `redis://${this.address}`;
  }

  async destroy(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.kill('SIGKILL');
      await once(this.child, 'exit');
    }
    rmSync(this.directory, { recursive: true, force: true });
  }
}
