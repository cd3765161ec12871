import type pg from 'pg';
import type { Position, RecordedEvent, SubscriptionBatch } from '#event-store';
import { CheckpointMovedError, type CheckpointStore, type Track } from './checkpoint-store.js';
import { parkDeadLetter } from './dead-letters.js';
import type { Projection, ProjectionContext, ProjectionLogger } from './projection.js';
import type { ProjectionMetrics } from './projection-metrics.js';
import { errorMessage, inTransaction, type Queryable, sleep } from './sql.js';
import { tableNamer } from './table-names.js';

export interface BatchApplierOptions {
  readonly pool: pg.Pool;
  readonly checkpoints: CheckpointStore;
  readonly projection: Projection;
  readonly logger: ProjectionLogger;
  readonly metrics: ProjectionMetrics;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
}

interface ParkedEvent {
  readonly event: RecordedEvent;
  readonly error: string;
}

/**
 * Applies one subscription batch of one projection: the read-model writes and the checkpoint
 * move commit together, the checkpoint only if it is still where this instance found it.
 */
export class BatchApplier {
  /** True while the latest batch failed and is being retried. */
  failing = false;

  constructor(private readonly options: BatchApplierOptions) {}

  async apply(
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
    signal: AbortSignal,
  ): Promise<void> {
    if (batch.events.length === 0) return this.advance(batch.checkpoint, from, track);
    const { maxAttempts, retryBaseMs } = this.options;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        await inTransaction(this.options.pool, (client) => this.applyAll(client, batch, from, track));
        return await this.committed(batch.events.length, track);
      } catch (error) {
        if (error instanceof CheckpointMovedError) throw error;
        await this.recordFailure(batch, track, attempt, error);
        if (attempt < maxAttempts) await sleep(retryBaseMs * 2 ** (attempt - 1), signal);
        signal.throwIfAborted();
      }
    }
    const parked = await inTransaction(this.options.pool, (client) =>
      this.applyOneByOne(client, batch, from, track),
    );
    this.reportParked(parked);
    await this.committed(batch.events.length - parked.length, track);
  }

  /** Events the filter left out still move the checkpoint, so "has passed T" holds for them too. */
  private async advance(next: Position, from: Position | null, track: Track): Promise<void> {
    await this.moveCheckpoint(this.options.pool, from, next, track);
    if (track === 'live') await this.announce();
  }

  private async applyAll(
    client: pg.PoolClient,
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
  ) {
    // The checkpoint row first: a competing instance then waits on it instead of writing too.
    await this.moveCheckpoint(client, from, batch.checkpoint, track);
    await this.options.projection.apply(batch.events, this.context(client, track));
  }

  /** Finds the events that fail on their own, parks them and applies the rest. */
  private async applyOneByOne(
    client: pg.PoolClient,
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
  ): Promise<ParkedEvent[]> {
    const { projection, maxAttempts } = this.options;
    await this.moveCheckpoint(client, from, batch.checkpoint, track);
    const context = this.context(client, track);
    const parked: ParkedEvent[] = [];
    for (const event of batch.events) {
      await client.query('SAVEPOINT projection_event');
      try {
        await projection.apply([event], context);
        await client.query('RELEASE SAVEPOINT projection_event');
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT projection_event');
        const message = errorMessage(error);
        await parkDeadLetter(client, projection.name, event, message, maxAttempts + 1);
        parked.push({ event, error: message });
      }
    }
    return parked;
  }

  private async moveCheckpoint(
    db: Queryable,
    from: Position | null,
    next: Position,
    track: Track,
  ): Promise<void> {
    const { checkpoints, projection } = this.options;
    if (!(await checkpoints.compareAndSet(db, projection.name, track, from, next))) {
      throw new CheckpointMovedError(projection.name, track, from);
    }
  }

  private context(client: pg.PoolClient, track: Track): ProjectionContext {
    return {
      query: async <Row>(sql: string, params?: readonly unknown[]) =>
        (await client.query(sql, params ? [...params] : undefined)).rows as Row[],
      table: tableNamer(this.options.projection, track),
    };
  }

  private async committed(applied: number, track: Track): Promise<void> {
    this.failing = false;
    this.options.metrics.eventsApplied(this.options.projection.name, applied);
    if (track === 'live') await this.announce();
  }

  private async recordFailure(batch: SubscriptionBatch, track: Track, attempt: number, error: unknown) {
    const { projection, logger, checkpoints, maxAttempts } = this.options;
    this.failing = true;
    const message = errorMessage(error);
    logger.warn(
      {
        projection: projection.name,
        track,
        attempt,
        maxAttempts,
        events: batch.events.length,
        error: message,
      },
      'projection batch failed',
    );
    await checkpoints.recordFailure(projection.name, message).catch(() => undefined);
  }

  private reportParked(parked: readonly ParkedEvent[]): void {
    const { projection, logger, metrics } = this.options;
    for (const { event, error } of parked) {
      logger.error(
        {
          projection: projection.name,
          eventId: event.metadata.eventId,
          type: event.type,
          position: event.position,
          error,
        },
        'projection parked an event it cannot apply',
      );
    }
    metrics.deadLettered(projection.name, parked.length);
  }

  /** A lost announcement only delays waiters until their next poll. */
  private async announce(): Promise<void> {
    await this.options.checkpoints.announce(this.options.projection.name).catch(() => undefined);
  }
}
