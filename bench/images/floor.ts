import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from '#testing';

const SERVER = fileURLToPath(new URL('./floor-server.js', import.meta.url));
const START_TIMEOUT_MS = 10_000;

/** The bare file server (floor-server.ts) in a process of its own, as the service runs in one. */
export class RunningImagesFloor {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(imagesDir: string): Promise<RunningImagesFloor> {
    const port = await freePort();
    const child = fork(SERVER, [], {
      env: { ...process.env, PORT: String(port), IMAGES_DIR: imagesDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [message] = (await once(child, 'message', { signal: AbortSignal.timeout(START_TIMEOUT_MS) })) as [
      unknown,
    ];
    if (message !== 'listening') throw new Error(`the floor said ${String(message)}`);
    return new RunningImagesFloor(child, `http://127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}
