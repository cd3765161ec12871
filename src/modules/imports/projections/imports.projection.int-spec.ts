import { randomUUID } from 'node:crypto';
import { ProjectionSite, testEvent } from '#testing';
import { importStream } from '../domain/import.events.js';
import { importsTriggersProjection } from './imports-triggers.projection.js';
import { importsProjection } from './imports.projection.js';

const member = randomUUID();
const started = (at: string) =>
  testEvent(
    'ImportStarted',
    { memberId: member, source: 'letterboxd', fileName: 'export.zip', sha256: 'ab', size: 10 },
    { occurredAt: at },
  );
const progressed = (done: number, total = 100) => testEvent('ImportProgressed', { done, total });
const result = {
  counts: { checked: 3, favourites: 1, watchlist: 0, lists: 1, unmatched: 1 },
  unmatched: [{ title: 'Aftersun', year: 2022, file: 'watched.csv', line: 5 }],
  rowErrors: [{ file: 'diary.csv', line: 6, reason: 'Year is not a year' }],
  notImported: { 'ratings.csv': 2 },
};

describe('imports and imports-triggers projections', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([importsProjection, importsTriggersProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const row = async (id: string) =>
    (
      await site.rows(
        `SELECT member_id, source, file_name, status, done, total, counts, unmatched, row_errors,
                not_imported, failure, completed_at IS NOT NULL AS finished FROM imports WHERE id = $1`,
        [id],
      )
    )[0];

  it('keeps status, the largest progress seen (a rerun counting from 0 does not move it back) and the result; one job per start', async () => {
    const id = randomUUID();
    const start = started('2024-01-01T10:00:00.000Z');
    await site.project([[importStream(id), [start, progressed(0), progressed(40)]]]);
    expect(await row(id)).toMatchObject({ status: 'running', done: 40, total: 100, counts: null });
    // Two batches: the rerun's progress is projected apart from the first run's.
    await site.project([[importStream(id), [progressed(10), progressed(30)]]], { batchSize: 1 });
    expect(await row(id)).toMatchObject({ status: 'running', done: 40 });
    await site.project([[importStream(id), [progressed(90), testEvent('ImportCompleted', result)]]]);
    expect(await row(id)).toEqual({
      member_id: member,
      source: 'letterboxd',
      file_name: 'export.zip',
      status: 'completed',
      done: 100,
      total: 100,
      counts: result.counts,
      unmatched: result.unmatched,
      row_errors: result.rowErrors,
      not_imported: result.notImported,
      failure: null,
      finished: true,
    });
    const jobs = await site.rows(
      `SELECT queue, name, job_id, data FROM job_outbox WHERE data->>'importId' = $1`,
      [id],
    );
    expect(jobs).toEqual([
      {
        queue: 'imports',
        name: 'run-import',
        job_id: start.metadata.eventId,
        data: { importId: id, memberId: member },
      },
    ]);
  });

  it('a failure keeps its reason, from a start and a failure in one batch', async () => {
    const id = randomUUID();
    await site.project([
      [
        importStream(id),
        [started('2024-01-02T10:00:00.000Z'), testEvent('ImportFailed', { reason: 'not a zip' })],
      ],
    ]);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      failure: 'not a zip',
      finished: true,
      counts: null,
    });
  });
});
