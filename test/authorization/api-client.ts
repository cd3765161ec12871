import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionMonitor } from '#projections';
import request from 'supertest';
import { bearer, type TestUser } from '../support/auth.js';

export const API = '/api/v1';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Send {
  readonly user?: TestUser;
  readonly body?: object;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly file?: { readonly bytes: Buffer; readonly name: string };
  /** A picture sent as the whole body, with its content type. */
  readonly image?: { readonly bytes: Buffer; readonly type: string };
}

const SETTLE_MS = 15_000;

/**
 * Any request, as anyone. Every request carries the newest position any write answered, so a
 * read sees all the writes made before it; `settle` also waits for what jobs wrote since.
 */
export class ApiClient {
  private readonly server: ReturnType<INestApplication['getHttpServer']>;
  private readonly store: EventStore;
  private readonly monitor: ProjectionMonitor;
  private newest: string;

  constructor(readonly app: INestApplication) {
    this.server = app.getHttpServer();
    this.store = app.get<EventStore>(EVENT_STORE);
    this.monitor = app.get(ProjectionMonitor);
    this.newest = this.store.origin;
  }

  /** `path` is absolute (`/health`) or under the API prefix (`/lists`). */
  async send(method: Method, path: string, options: Send = {}): Promise<request.Response> {
    const url = ['/api/', '/health', '/images/'].some((root) => path.startsWith(root))
      ? path
      : `${API}${path}`;
    let call = request(this.server)[method](url).set('X-Consistent-With', this.newest);
    if (options.user) call = call.set('Authorization', bearer(options.user));
    if (options.query) call = call.query(options.query);
    const response = await (options.file
      ? call.attach('file', options.file.bytes, options.file.name)
      : options.image
        ? call.set('Content-Type', options.image.type).send(options.image.bytes)
        : options.body === undefined
          ? call
          : call.send(options.body));
    this.note(response);
    return response;
  }

  /** The same, failing with the answer when the status is not the one given. */
  async expect(status: number, method: Method, path: string, options: Send = {}): Promise<request.Response> {
    const response = await this.send(method, path, options);
    if (response.status !== status)
      throw new Error(
        `${method.toUpperCase()} ${path} answered ${response.status}, not ${status}: ${response.text}`,
      );
    return response;
  }

  /** Notes a position answered outside this client (a registration, a role granted). */
  notePosition(position: string | undefined): void {
    if (typeof position === 'string' && this.store.comparePositions(position, this.newest) > 0)
      this.newest = position;
  }

  /** Until every projection has applied everything in the log, including what jobs appended. */
  async settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    const names = (await this.monitor.statuses()).map((status) => status.name);
    if (!(await this.monitor.waitFor(names, this.newest, SETTLE_MS)))
      throw new Error(`the projections did not reach ${this.newest} in time`);
    for (;;) {
      const behind = (await this.monitor.statuses()).filter((status) => status.lagEvents > 0);
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`projections still behind: ${behind.map((status) => status.name).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Until the check holds; fails after `timeoutMs`. */
  async until(check: () => Promise<boolean>, what: string, timeoutMs = SETTLE_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private note(response: request.Response): void {
    if (response.status >= 300) return;
    this.notePosition((response.body as { position?: string } | undefined)?.position);
  }
}
