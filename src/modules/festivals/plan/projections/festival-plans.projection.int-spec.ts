import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '#event-store';
import { ProjectionSite, testEvent, type Write } from '#testing';
import { planStream } from '../../domain/plan.events.js';
import { festivalPlansProjection } from './festival-plans.projection.js';

let tick = 0;
/** Events a second apart, so `added_at` and `updated_at` say which one wrote them. */
const at = (): string => new Date(Date.UTC(2025, 5, 1) + (tick += 1) * 1000).toISOString();

const planned = (editionId: string, screeningId: string, occurredAt = at()) =>
  testEvent('ScreeningPlanned', { editionId, screeningId }, { occurredAt });
const unplanned = (editionId: string, screeningId: string, occurredAt = at()) =>
  testEvent('ScreeningUnplanned', { editionId, screeningId }, { occurredAt });
const shared = (editionId: string, visibility: string, occurredAt = at()) =>
  testEvent('PlanVisibilityChanged', { editionId, visibility }, { occurredAt });

describe('festival-plans projection', () => {
  let site: ProjectionSite;
  const edition = randomUUID();

  beforeAll(async () => {
    site = await ProjectionSite.open([festivalPlansProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const plan = (ownerId: string) =>
    site.rows<{ visibility: string; updated_at: Date }>(
      `SELECT visibility, updated_at FROM festival_plans WHERE owner_id = $1 AND edition_id = $2`,
      [ownerId, edition],
    );
  const items = (ownerId: string) =>
    site.rows<{ screening_id: string; added_at: Date }>(
      `SELECT screening_id, added_at FROM festival_plan_items WHERE owner_id = $1 AND edition_id = $2
       ORDER BY screening_id`,
      [ownerId, edition],
    );

  it('creates a private plan on its first planned screening', async () => {
    const owner = randomUUID();
    const screening = randomUUID();
    const event = planned(edition, screening);
    await site.project([[planStream(owner, edition), [event]]]);
    expect(await plan(owner)).toEqual([
      { visibility: 'private', updated_at: new Date(event.metadata.occurredAt) },
    ]);
    expect(await items(owner)).toEqual([
      { screening_id: screening, added_at: new Date(event.metadata.occurredAt) },
    ]);
  });

  it('keeps a shared plan shared when later batches only plan and unplan', async () => {
    const owner = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const stream = planStream(owner, edition);
    await site.project([[stream, [planned(edition, a), shared(edition, 'friends')]]]);
    await site.project([[stream, [planned(edition, b)]]]);
    const last = unplanned(edition, a);
    await site.project([[stream, [last]]]);
    expect(await plan(owner)).toEqual([
      { visibility: 'friends', updated_at: new Date(last.metadata.occurredAt) },
    ]);
    expect((await items(owner)).map((item) => item.screening_id)).toEqual([b]);
  });

  it('takes the last word of a batch on each screening, whatever the batch size', async () => {
    const [together, oneByOne] = [randomUUID(), randomUUID()];
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const history = (owner: string): Write => {
      const events = [
        planned(edition, a),
        planned(edition, b),
        unplanned(edition, a),
        shared(edition, 'public'),
        planned(edition, c),
        planned(edition, a),
        unplanned(edition, b),
        shared(edition, 'private'),
        shared(edition, 'friends'),
      ];
      return [planStream(owner, edition), events];
    };
    const write = history(together);
    await site.project([write]);
    await site.project([history(oneByOne)], { batchSize: 1 });
    const replanned = new Date(write[1][5]!.metadata.occurredAt);
    expect(await items(together)).toEqual(
      [
        { screening_id: a, added_at: replanned },
        { screening_id: c, added_at: new Date(write[1][4]!.metadata.occurredAt) },
      ].sort((x, y) => x.screening_id.localeCompare(y.screening_id)),
    );
    expect((await plan(together))[0]?.visibility).toBe('friends');
    expect((await plan(oneByOne))[0]?.visibility).toBe('friends');
    expect((await items(oneByOne)).map((item) => item.screening_id)).toEqual(
      (await items(together)).map((item) => item.screening_id),
    );
  });

  it('writes the same rows when a batch is applied again, and after a rebuild', async () => {
    const owner = randomUUID();
    const stream = planStream(owner, edition);
    await site.project([
      [stream, [planned(edition, randomUUID()), planned(edition, randomUUID()), shared(edition, 'public')]],
    ]);
    const snapshot = async () => ({
      plans: await site.rows(`SELECT * FROM festival_plans ORDER BY owner_id, edition_id`),
      items: await site.rows(`SELECT * FROM festival_plan_items ORDER BY owner_id, edition_id, screening_id`),
    });
    const before = await snapshot();

    const recorded: RecordedEvent[] = [];
    for await (const event of site.store.readStream(stream)) recorded.push(event);
    await festivalPlansProjection.apply(recorded, {
      query: async (sql, params) => (await site.pool.query(sql, params as unknown[])).rows,
      table: (name) => `"${name}"`,
    });
    expect(await snapshot()).toEqual(before);

    await site.project([], { rebuild: true });
    expect(await snapshot()).toEqual(before);
  });

  it('ignores streams that are not plans', async () => {
    const owner = randomUUID();
    await site.project([[`something-${owner}`, [planned(edition, randomUUID())]]]);
    expect(await site.rows(`SELECT 1 FROM festival_plans WHERE owner_id = $1`, [owner])).toEqual([]);
  });
});
