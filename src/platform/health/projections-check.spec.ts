import type { ProjectionStatus } from '#projections';
import { projectionsCheck } from './projections-check.js';

const projection = (name: string, overrides: Partial<ProjectionStatus> = {}): ProjectionStatus => ({
  name,
  version: 1,
  checkpoint: null,
  lagEvents: 0,
  lagSeconds: 0,
  deadLetters: 0,
  status: 'running',
  ...overrides,
});

const halt = {
  track: 'live',
  eventId: 'e1',
  eventType: 'FilmAddedToList',
  streamId: 'list-secret',
  position: '7',
  error: 'boom with private data',
  attempts: 6,
  since: '2026-12-06T00:00:00.000Z',
} as const;

describe('projectionsCheck', () => {
  it('is up when every projection runs and nothing is parked', () => {
    expect(projectionsCheck([projection('lists'), projection('members')])).toEqual({
      status: 'up',
      deadLetters: 0,
      projections: [projection('lists'), projection('members')],
    });
  });

  it('stays ready, degraded, while a batch is retried: it applies, parks or halts within seconds', () => {
    const check = projectionsCheck([projection('lists', { status: 'failing' }), projection('members')]);
    expect(check.status).toBe('degraded');
    expect(check.reason).toBe('retrying: lists');
  });

  it('names retries and parked events together', () => {
    const check = projectionsCheck([
      projection('lists', { status: 'failing' }),
      projection('film-stats', { deadLetters: 2 }),
      projection('user-stats', { deadLetters: 1 }),
    ]);
    expect(check).toMatchObject({
      status: 'degraded',
      deadLetters: 3,
      reason: 'retrying: lists; dead letters: film-stats (2), user-stats (1)',
    });
  });

  it('is down while a projection is halted, whatever else is degraded', () => {
    const check = projectionsCheck([
      projection('lists', { status: 'halted', halted: halt }),
      projection('comments', { status: 'failing' }),
      projection('film-stats', { deadLetters: 4 }),
    ]);
    expect(check).toMatchObject({ status: 'down', deadLetters: 4, reason: 'halted: lists' });
  });

  it('leaves the error and stream of a halt out: anyone may read readiness', () => {
    const [lists] = projectionsCheck([projection('lists', { status: 'halted', halted: halt })]).projections;
    expect(lists!.halted).toEqual({
      eventId: 'e1',
      eventType: 'FilmAddedToList',
      position: halt.position,
      attempts: 6,
      since: halt.since,
    });
  });
});
