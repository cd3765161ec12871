import { randomUUID } from 'node:crypto';
import { ProjectionSite, testEvent } from '#testing';
import { exportStream } from '../domain/export.events.js';
import { exportsTriggersProjection } from './exports-triggers.projection.js';
import { exportsProjection } from './exports.projection.js';

const member = randomUUID();
const requested = (at: string) => testEvent('ExportRequested', { memberId: member }, { occurredAt: at });
const progressed = (done: number, total = 8) => testEvent('ExportProgressed', { done, total });

describe('exports and exports-triggers projections', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([exportsProjection, exportsTriggersProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const row = async (id: string) =>
    (
      await site.rows(
        `SELECT member_id, status, done, total, bytes::int AS bytes, failure,
                completed_at IS NOT NULL AS finished FROM exports WHERE id = $1`,
        [id],
      )
    )[0];

  it('keeps the status and the largest progress seen, then the size; one job per request', async () => {
    const id = randomUUID();
    const request = requested('2026-01-01T10:00:00.000Z');
    await site.project([[exportStream(id), [request, progressed(0, 1), progressed(3)]]]);
    expect(await row(id)).toMatchObject({ status: 'running', done: 3, total: 8 });
    // A rerun counting from 0 again does not move progress back.
    await site.project([[exportStream(id), [progressed(1)]]]);
    expect(await row(id)).toMatchObject({ done: 3 });
    await site.project([[exportStream(id), [testEvent('ExportCompleted', { bytes: 4096 })]]]);
    expect(await row(id)).toEqual({
      member_id: member,
      status: 'completed',
      done: 8,
      total: 8,
      bytes: 4096,
      failure: null,
      finished: true,
    });
    const jobs = await site.rows(
      `SELECT queue, name, job_id, data FROM job_outbox WHERE data->>'exportId' = $1`,
      [id],
    );
    expect(jobs).toEqual([
      {
        queue: 'exports',
        name: 'run-export',
        job_id: request.metadata.eventId,
        data: { exportId: id, memberId: member },
      },
    ]);
  });

  it('a failure keeps its reason, and a late progress changes nothing', async () => {
    const id = randomUUID();
    await site.project([
      [
        exportStream(id),
        [
          requested('2026-01-02T10:00:00.000Z'),
          testEvent('ExportFailed', { reason: 'gave up' }),
          progressed(5),
        ],
      ],
    ]);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      failure: 'gave up',
      finished: true,
      bytes: null,
    });
  });
});
