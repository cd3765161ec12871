import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { ProjectionMonitor } from '#projections';
import request from 'supertest';
import { AccountRegistration } from '../../src/modules/identity/accounts/account-registration.js';
import { memberStream, type GrantableRole } from '../../src/modules/identity/domain/member.events.js';

export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
}

const WAIT_FOR_ROLES_MS = 10_000;

/** A unique, valid username: tests in one database must not collide. */
export const uniqueUsername = (prefix = 'user'): string => `${prefix}_${randomUUID().slice(0, 8)}`;

/**
 * Registers a member over HTTP, like a client would; roles are granted through the same
 * command an admin's request runs, and the call returns once the guard can see them.
 */
export async function registerUser(
  app: INestApplication,
  options: { readonly roles?: readonly GrantableRole[]; readonly username?: string } = {},
): Promise<TestUser> {
  const username = options.username ?? uniqueUsername();
  const email = `${username.toLowerCase()}@example.org`;
  const password = `pw-${randomUUID()}`;
  const response = await request(app.getHttpServer())
    .post('/api/v1/auth/register')
    .send({ username, email, password })
    .expect(201);
  const body = response.body as { user: { id: string }; accessToken: string; position: string };
  let position = body.position;
  for (const role of options.roles ?? []) {
    position = (await app.get(AccountRegistration).grant(body.user.id, role, null)).position ?? position;
  }
  if (options.roles?.length) {
    const reached = await app.get(ProjectionMonitor).waitFor(['members'], position, WAIT_FOR_ROLES_MS);
    if (!reached) throw new Error(`the members projection did not apply ${username}'s roles in time`);
  }
  return { id: body.user.id, username, email, password, token: body.accessToken };
}

export const bearer = (user: { readonly token: string }): string => `Bearer ${user.token}`;

/** Everything on a member's stream, oldest first. */
export async function memberEvents(app: INestApplication, userId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of app.get<EventStore>(EVENT_STORE).readStream(memberStream(userId)))
    events.push(event);
  return events;
}
