import pg from 'pg';
import { ProjectionsHarness } from '../test-support/harness.js';
import { CHECKPOINT_CHANNEL, CheckpointStore } from './checkpoint-store.js';

describe('CheckpointStore moves asked together', () => {
  let harness: ProjectionsHarness;
  let listener: pg.Client;
  const heard: string[] = [];

  beforeEach(async () => {
    harness = await ProjectionsHarness.open();
    listener = new pg.Client({ connectionString: harness.database.url });
    await listener.connect();
    listener.on('notification', ({ payload }) => heard.push(payload ?? ''));
    await listener.query(`LISTEN ${pg.escapeIdentifier(CHECKPOINT_CHANNEL)}`);
    heard.length = 0;
  });
  afterEach(async () => {
    await listener.end();
    await harness.close();
  });

  const checkpointOf = async (name: string) =>
    (
      await harness.pool.query<{ checkpoint: string | null; last_error: string | null }>(
        'SELECT checkpoint, last_error FROM projection_checkpoints WHERE projection = $1',
        [name],
      )
    ).rows[0];

  it('moves each projection still where its caller left it, and announces only those', async () => {
    const store = new CheckpointStore(harness.pool);
    for (const name of ['a', 'b', 'c']) await store.ensure(name, 1);
    await harness.pool.query(`UPDATE projection_checkpoints SET checkpoint = '1.5' WHERE projection = 'c'`);
    await harness.pool.query(`UPDATE projection_checkpoints SET last_error = 'boom' WHERE projection = 'b'`);

    const moved = await Promise.all([
      store.compareAndSetAnnounced('a', 'live', null, '1.7'),
      store.compareAndSetAnnounced('b', 'live', null, '1.7'),
      // Someone else moved c: this caller's view is stale.
      store.compareAndSetAnnounced('c', 'live', '1.3', '1.7'),
    ]);

    expect(moved).toEqual([true, true, false]);
    expect(await checkpointOf('a')).toEqual({ checkpoint: '1.7', last_error: null });
    expect(await checkpointOf('b')).toEqual({ checkpoint: '1.7', last_error: null });
    expect(await checkpointOf('c')).toEqual({ checkpoint: '1.5', last_error: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.sort()).toEqual(['a', 'b']);
  });

  it('refuses two moves of one projection at once', async () => {
    const store = new CheckpointStore(harness.pool);
    await store.ensure('a', 1);
    const [first, second] = await Promise.allSettled([
      store.compareAndSetAnnounced('a', 'live', null, '1.7'),
      store.compareAndSetAnnounced('a', 'live', '1.7', '1.9'),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: true });
    expect(second.status).toBe('rejected');
    expect(await checkpointOf('a')).toMatchObject({ checkpoint: '1.7' });
  });
});
