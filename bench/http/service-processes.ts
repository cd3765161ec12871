import { RunningApp } from '../catalogue/search-load.js';
import { timed } from '../shared/bench-cli.js';

/**
 * The service under load: one process in the `all` role, as `npm start` runs it, or `apiProcesses`
 * processes in the `api` role, each on a port of its own as behind a load balancer, with one
 * `worker` process for the projections and jobs.
 */
export class ServiceProcesses {
  private constructor(
    private readonly api: readonly RunningApp[],
    private readonly worker: RunningApp | null,
  ) {}

  static async start(
    databaseUrl: string,
    env: Readonly<Record<string, string>>,
    apiProcesses: number,
    /** For the first api process (or the one `all` process): a profiler's. */
    nodeArguments: readonly string[],
    /** For every process. */
    commonArguments: readonly string[] = [],
  ): Promise<ServiceProcesses> {
    if (apiProcesses === 0) {
      const all = await timed('start the service (role all)', () =>
        RunningApp.start(databaseUrl, { ...env, APP_ROLE: 'all' }, undefined, [
          ...commonArguments,
          ...nodeArguments,
        ]),
      );
      return new ServiceProcesses([all], null);
    }
    const worker = await timed('start the worker', () =>
      RunningApp.start(databaseUrl, { ...env, APP_ROLE: 'worker' }, '/health', commonArguments),
    );
    const api: RunningApp[] = [];
    try {
      for (let index = 0; index < apiProcesses; index += 1) {
        api.push(
          await timed(`start api process ${index + 1}`, () =>
            RunningApp.start(
              databaseUrl,
              { ...env, APP_ROLE: 'api', MIGRATIONS_RUN: 'false' },
              undefined,
              index === 0 ? [...commonArguments, ...nodeArguments] : commonArguments,
            ),
          ),
        );
      }
    } catch (error) {
      await Promise.all([worker, ...api].map((app) => app.stop()));
      throw error;
    }
    return new ServiceProcesses(api, worker);
  }

  /** An api process, for the set-up requests. */
  get first(): RunningApp {
    return this.api[0]!;
  }

  /** Where requests go: the load spreads over these evenly. */
  get baseUrls(): string[] {
    return this.api.map((app) => app.baseUrl);
  }

  get running(): boolean {
    return [...this.api, ...(this.worker ? [this.worker] : [])].every((app) => app.running);
  }

  get recentOutput(): string {
    return [...this.api, ...(this.worker ? [this.worker] : [])].map((app) => app.recentOutput).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.api.map((app) => app.stop()));
    await this.worker?.stop();
  }
}
