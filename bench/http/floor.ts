import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from '#testing';

const SERVER = fileURLToPath(new URL('./floor-server.js', import.meta.url));
const START_TIMEOUT_MS = 10_000;

/** The bare floor (floor-server.ts) in a process of its own, as the service runs in one. */
export class RunningFloor {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(settings: {
    readonly databaseUrl: string;
    readonly jwtSecret: string;
    readonly poolSize: number;
    readonly nodeArguments?: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
  }): Promise<RunningFloor> {
    const port = await freePort();
    const child = fork(SERVER, [], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: settings.databaseUrl,
        JWT_SECRET: settings.jwtSecret,
        POOL_SIZE: String(settings.poolSize),
        ...settings.env,
      },
      execArgv: [...process.execArgv, ...(settings.nodeArguments ?? [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timeout = AbortSignal.timeout(START_TIMEOUT_MS);
    const [message] = (await once(child, 'message', { signal: timeout })) as [unknown];
    if (message !== 'listening') throw new Error(`the floor said ${String(message)}`);
    return new RunningFloor(child, `http://127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}
