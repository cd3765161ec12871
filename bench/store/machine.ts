import os from 'node:os';
import pg from 'pg';

/** The 1, 5 and 15 minute load averages: how busy the machine was with other work too. */
export const loadAverage = (): number[] => os.loadavg().map((load) => Math.round(load * 100) / 100);

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
  /** Server settings that bound write and read throughput. */
  readonly postgresSettings: Readonly<Record<string, string>>;
  readonly note: string;
}

const SETTINGS = [
  'autovacuum',
  'shared_buffers',
  'synchronous_commit',
  'fsync',
  'wal_level',
  'max_connections',
  'work_mem',
];

export async function describeMachine(serverUrl: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
      'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name',
      [SETTINGS],
    );
    const cpus = os.cpus();
    return {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: version.rows[0]!.server_version,
      postgresSettings: Object.fromEntries(
        settings.rows.map((row) => [row.name, row.unit ? `${row.setting} (${row.unit})` : row.setting]),
      ),
      note: `PostgreSQL runs on this machine; the load generator shares its ${cpus.length} cores.`,
    };
  } finally {
    await client.end();
  }
}
