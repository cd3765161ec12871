import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { ProjectionEngine, ProjectionMonitor } from '#projections';
import { createTestDatabase, type TestDatabase, testEvent, testPool } from '#testing';
import { memberStream } from '../domain/member.events.js';
import { membersProjection } from './members.projection.js';

describe('members projection', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let engine: ProjectionEngine;
  let monitor: ProjectionMonitor;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database, 4);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
    engine = new ProjectionEngine({ store, pool, projections: [membersProjection], lockRetryMs: 50 });
    monitor = new ProjectionMonitor({ store, pool, projections: [membersProjection], pollIntervalMs: 50 });
    await engine.start();
  });

  afterAll(async () => {
    await engine.stop();
    await monitor.close();
    await store.close();
    await pool.end();
    await database.drop();
  });

  const member = async (userId: string) =>
    (
      await pool.query(
        `SELECT roles, status, suspended_until, suspension_reason, joined_at IS NOT NULL AS joined
         FROM members WHERE user_id = $1`,
        [userId],
      )
    ).rows[0];

  it('folds a whole history appended at once, in order', async () => {
    const userId = randomUUID();
    const { position } = await store.append(memberStream(userId), [
      testEvent('MemberRegistered', {}),
      testEvent('RoleGranted', { role: 'moderator' }),
      testEvent('RoleGranted', { role: 'admin' }),
      testEvent('RoleRevoked', { role: 'moderator' }),
      testEvent('MemberSuspended', { reason: 'spam', until: '2030-01-01T00:00:00.000Z' }),
    ]);
    expect(await monitor.waitFor(['members'], position, 10_000)).toBe(true);

    expect(await member(userId)).toEqual({
      roles: ['admin'],
      status: 'suspended',
      suspended_until: new Date('2030-01-01T00:00:00.000Z'),
      suspension_reason: 'spam',
      joined: true,
    });
  });

  it('carries on from the stored row in later batches, for several members at once', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    await store.append(memberStream(first), [
      testEvent('MemberRegistered', {}),
      testEvent('MemberSuspended', { reason: 'abuse', until: null }),
    ]);
    const registered = await store.append(memberStream(second), [testEvent('MemberRegistered', {})]);
    await monitor.waitFor(['members'], registered.position, 10_000);

    await store.append(memberStream(first), [testEvent('MemberReinstated', {})]);
    const last = await store.append(memberStream(second), [testEvent('RoleGranted', { role: 'moderator' })]);
    await monitor.waitFor(['members'], last.position, 10_000);

    expect(await member(first)).toMatchObject({
      roles: [],
      status: 'active',
      suspended_until: null,
      suspension_reason: null,
    });
    expect(await member(second)).toMatchObject({ roles: ['moderator'], status: 'active' });
  });
});
