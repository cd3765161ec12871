import type { HaltedAt, ProjectionStatus } from '#projections';

/** A projection as readiness shows it: the error and stream of a halt are for admins and logs. */
export interface ProjectionReadiness extends Omit<ProjectionStatus, 'halted'> {
  readonly halted?: Pick<HaltedAt, 'eventId' | 'eventType' | 'position' | 'attempts' | 'since'>;
}

/**
 * 'down' while a projection is halted: reads of it stay behind every write from then on.
 * 'degraded' while a batch is being retried (within seconds it applies, parks its poison events or
 * halts, so it is lag with an error, and one dropped connection must not take every api process out
 * of rotation) and while events are parked: the service is right apart from what those events
 * would have changed, so it stays ready.
 */
export interface ProjectionsCheck {
  readonly status: 'up' | 'degraded' | 'down';
  /** Events parked in projection_dead_letters, every projection together. */
  readonly deadLetters: number;
  readonly projections: readonly ProjectionReadiness[];
  readonly reason?: string;
}

/** The projections part of readiness, from what the database says of each projection. */
export function projectionsCheck(statuses: readonly ProjectionStatus[]): ProjectionsCheck {
  const projections = statuses.map(forReadiness);
  const deadLetters = statuses.reduce((sum, projection) => sum + projection.deadLetters, 0);
  const named = (status: string): string[] =>
    statuses.filter((projection) => projection.status === status).map((projection) => projection.name);
  const halted = named('halted');
  if (halted.length > 0) {
    return { status: 'down', deadLetters, projections, reason: `halted: ${halted.join(', ')}` };
  }
  const retrying = named('failing');
  const parked = statuses
    .filter((projection) => projection.deadLetters > 0)
    .map((projection) => `${projection.name} (${projection.deadLetters})`);
  const reasons = [
    ...(retrying.length > 0 ? [`retrying: ${retrying.join(', ')}`] : []),
    ...(parked.length > 0 ? [`dead letters: ${parked.join(', ')}`] : []),
  ];
  if (reasons.length > 0) {
    return { status: 'degraded', deadLetters, projections, reason: reasons.join('; ') };
  }
  return { status: 'up', deadLetters, projections };
  return { status: 'up', deadLetters, projections };
}

function forReadiness({ halted, ...status }: ProjectionStatus): ProjectionReadiness {
  if (!halted) return status;
  const { eventId, eventType, position, attempts, since } = halted;
  return { ...status, halted: { eventId, eventType, position, attempts, since } };
}
