import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from '#testing';

const START_TIMEOUT_MS = 60_000;

export type Role = 'api' | 'worker' | 'all';

export interface ServiceEnvironment {
  readonly DATABASE_URL: string;
  readonly REDIS_URL: string;
  readonly [name: string]: string;
}

/**
 * The built service (`node dist/src/main.js`) as a real process in one role, so a test can send
 * it signals: SIGKILL is a crash, with no shutdown hook run.
 */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<unknown>;

  private constructor(
    private readonly child: ChildProcess,
    readonly role: Role,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit');
  }

  static async start(role: Role, env: ServiceEnvironment): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/src/main.js')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        APP_ROLE: role,
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, role, `http://127.0.0.1:${port}`);
    await service.waitUntilLive();
    return service;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process wrote, for a failure message. */
  get recentOutput(): string {
    return this.output;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** SIGKILL: the process ends at once, mid-batch or mid-request, as in a crash. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the shutdown a deployment does. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }

  private async waitUntilLive(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline && this.running) {
      const response = await fetch(this.url('/health')).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`the ${this.role} process did not start:\n${this.output}`);
  }
}
