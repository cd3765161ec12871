import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#event-store';
import request from 'supertest';
import { bearer, type TestUser } from './auth.js';

export const API = '/api/v1';

/**
 * Members posting, reporting and moderating over HTTP. Keeps the latest position any write
 * answered, so a read can ask (X-Consistent-With) for a view that includes all of them.
 */
export class ModerationClient {
  private readonly server: ReturnType<INestApplication['getHttpServer']>;
  private readonly store: EventStore;
  newest: string;

  constructor(app: INestApplication) {
    this.server = app.getHttpServer();
    this.store = app.get<EventStore>(EVENT_STORE);
    this.newest = this.store.origin;
  }

  async call(
    method: 'get' | 'post' | 'delete' | 'put' | 'patch',
    path: string,
    user?: TestUser,
    body?: object,
  ): Promise<request.Response> {
    let call = request(this.server)[method](`${API}${path}`);
    if (method === 'get') call = call.set('X-Consistent-With', this.newest);
    if (user) call = call.set('Authorization', bearer(user));
    const response = await (body === undefined ? call : call.send(body));
    const position = (response.body as { position?: unknown } | undefined)?.position;
    if (typeof position === 'string' && this.store.comparePositions(position, this.newest) > 0) {
      this.newest = position;
    }
    return response;
  }

  async comment(author: TestUser, filmId: string, body = 'A fine film.'): Promise<string> {
    const response = await this.call('post', `/films/${filmId}/comments`, author, { body });
    if (response.status !== 201) throw new Error(`posting answered ${response.status}`);
    return (response.body as { id: string }).id;
  }

  /** A comment posted, once reads can show it (a consistent read through the comments projection). */
  async readableComment(author: TestUser, filmId: string, body?: string): Promise<string> {
    const id = await this.comment(author, filmId, body);
    await this.call('get', `/comments/${id}`);
    return id;
  }

  async report(reporter: TestUser, commentId: string, reason = 'spam', note?: string): Promise<void> {
    const response = await this.call('post', `/comments/${commentId}/reports`, reporter, {
      reason,
      ...(note === undefined ? {} : { note }),
    });
    if (response.status !== 202) throw new Error(`reporting answered ${response.status}`);
  }

  /** Until the check holds, or fails the test after `timeoutMs`. */
  async until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Until the comment is gone for this reader (anonymous when none): the auto-hide job ran. */
  untilHiddenFrom(commentId: string, reader?: TestUser): Promise<void> {
    return this.until(
      async () => (await this.call('get', `/comments/${commentId}`, reader)).status === 404,
      `hiding comment ${commentId}`,
    );
  }
}
