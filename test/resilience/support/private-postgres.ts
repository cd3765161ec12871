import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '#testing';

const BIN = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
/** PostgreSQL refuses to run as root; its own account runs the private servers. */
const SERVER_USER = 'postgres';

function asServerUser(program: string, args: readonly string[]): string {
  const run = spawnSync('runuser', ['-u', SERVER_USER, '--', join(BIN, program), ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (${run.status}):\n${run.stdout}${run.stderr}`);
  }
  return run.stdout;
}

function ownedDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const { uid, gid } = userIds(SERVER_USER);
  chownSync(directory, uid, gid);
  return directory;
}

function userIds(user: string): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface ReplicaOptions {
  /** The replica applies WAL this long after the primary wrote it, to make its lag visible. */
  readonly applyDelayMs?: number;
}

/**
 * A PostgreSQL server of the test's own, in a temporary data directory on a free port, so a test
 * can stop, kill and restart it without touching the machine's server or other tests.
 */
export class PrivatePostgres {
  private constructor(
    readonly dataDirectory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const directory = ownedDirectory('filmlog-pg-');
    asServerUser('initdb', ['-D', directory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const server = new PrivatePostgres(directory, await freePort());
    server.configure([
      // Durability is not what these tests probe (the server stops, the machine does not), and
      // fsync would make the many small commits of a load slow on this disk.
      'fsync = off',
      'max_connections = 300',
      'wal_level = replica',
      'max_wal_senders = 4',
    ]);
    server.start();
    return server;
  }

  /** A streaming replica of `primary`, in hot standby, for queries. */
  static async replicaOf(primary: PrivatePostgres, options: ReplicaOptions = {}): Promise<PrivatePostgres> {
    const directory = ownedDirectory('filmlog-pg-replica-');
    asServerUser('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      directory,
      '-R',
      '-X',
      'stream',
    ]);
    const replica = new PrivatePostgres(directory, await freePort());
    replica.configure(['hot_standby = on', `recovery_min_apply_delay = '${options.applyDelayMs ?? 0}ms'`]);
    replica.start();
    return replica;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    asServerUser('pg_ctl', [
      '-D',
      this.dataDirectory,
      '-l',
      join(this.dataDirectory, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dataDirectory} -c listen_addresses=127.0.0.1`,
      '-w',
      'start',
    ]);
  }

  /** `immediate` is a crash as far as the clients see it: connections drop, recovery runs at the next start. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    asServerUser('pg_ctl', ['-D', this.dataDirectory, '-m', mode, '-w', 'stop']);
  }

  log(): string {
    try {
      return readFileSync(join(this.dataDirectory, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Stops the server (if it runs) and deletes its data. */
  destroy(): void {
    spawnSync('runuser', [
      '-u',
      SERVER_USER,
      '--',
      join(BIN, 'pg_ctl'),
      '-D',
      this.dataDirectory,
      '-m',
      'immediate',
      'stop',
    ]);
    rmSync(this.dataDirectory, { recursive: true, force: true });
  }

  private configure(settings: readonly string[]): void {
    appendFileSync(join(this.dataDirectory, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  }
}
