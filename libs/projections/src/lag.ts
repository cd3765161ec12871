import type { EventStore, Lag, Position } from '#event-store';
import type { CheckpointRow, CheckpointStore } from './checkpoint-store.js';
import type { Projection } from './projection.js';

export interface ProjectionLag {
  readonly row: CheckpointRow | undefined;
  readonly checkpoint: Position | null;
  readonly lag: Lag;
}

/** How far each projection's live checkpoint is behind the events it handles. */
export async function measureLags(
  store: EventStore,
  checkpoints: CheckpointStore,
  projections: readonly Projection[],
): Promise<Map<string, ProjectionLag>> {
  const rows = new Map(
    (await checkpoints.readMany(projections.map((p) => p.name))).map((r) => [r.projection, r]),
  );
  const entries = await Promise.all(
    projections.map(async (projection): Promise<[string, ProjectionLag]> => {
      const row = rows.get(projection.name);
      const checkpoint = row?.checkpoint ?? null;
      const lag = await store.measureLag(checkpoint, { filter: { eventTypes: projection.handles } });
      return [projection.name, { row, checkpoint, lag }];
    }),
  );
  return new Map(entries);
}
