import type pg from 'pg';
import type { Position, RecordedEvent, SubscriptionBatch } from '#event-store';
import { CheckpointMovedError, type CheckpointStore, type Track } from './checkpoint-store.js';
import { parkDeadLetter } from './dead-letters.js';
import type { HaltedAt, Projection, ProjectionContext, ProjectionLogger } from './projection.js';
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
  readonly maxRetryDelayMs: number;
}

interface ParkedEvent {
  readonly event: RecordedEvent;
  readonly error: string;
}

/** A 'halt' projection stopped before an event it cannot apply; the track tries again after `retryInMs`. */
export class ProjectionHaltedError extends Error {
  override readonly name = 'ProjectionHaltedError';

  constructor(
    readonly halted: HaltedAt,
    readonly retryInMs: number,
  ) {
    super(`halted before event ${halted.eventId} (${halted.eventType}): ${halted.error}`);
  }
}

/**
 * Applies one subscription batch of one projection: the read-model writes and the checkpoint
 * move commit together, the checkpoint only if it is still where this instance found it.
 */
export class BatchApplier {
  /** True while the latest batch failed and is being retried. */
  failing = false;
  /** Tracks halted before an event, with how many rounds of retries they have had since. */
  private readonly halts = new Map<Track, number>();
  /** Whether a batch committed since the session began. */
  private progressed = false;
  /** A rebuild's batches leave the summary tables to `summarize` (see `ProjectionContext`). */
  rebuildSummariesDeferred = false;

  constructor(private readonly options: BatchApplierOptions) {}

  get halted(): boolean {
    return this.halts.size > 0;
  }

  /** A new session reads the state from the database again; another instance may have moved on. */
  reset(): void {
    this.failing = false;
    this.halts.clear();
    this.progressed = false;
  }

  /** Whether a batch committed since the last call: a runner's failures in a row end there. */
  takeProgress(): boolean {
    const progressed = this.progressed;
    this.progressed = false;
    return progressed;
  }

  clearHalt(track: Track): void {
    this.halts.delete(track);
  }

  async apply(
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
    signal: AbortSignal,
  ): Promise<void> {
    if (batch.events.length === 0) return this.advance(batch.checkpoint, from, track);
    // A halted track had its retries already: each of its rounds goes straight to the event.
    if (!this.halts.has(track) && (await this.applyWithRetries(batch, from, track, signal))) return;
    if (this.options.projection.onPoisonEvent === 'halt') return this.applyUntilPoison(batch, from, track);
    const parked = await inTransaction(this.options.pool, (client) =>
      this.applyOneByOne(client, batch, from, track),
    );
    this.reportParked(parked);
    await this.committed(batch.events.length - parked.length, track);
  }

  /** The whole batch in one transaction, retried with backoff; false once the attempts are spent. */
  private async applyWithRetries(
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
    signal: AbortSignal,
  ): Promise<boolean> {
    const { maxAttempts, retryBaseMs } = this.options;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        await inTransaction(this.options.pool, (client) => this.applyAll(client, batch, from, track));
        await this.committed(batch.events.length, track);
        return true;
      } catch (error) {
        if (error instanceof CheckpointMovedError) throw error;
        await this.recordFailure(batch, track, attempt, error);
        if (attempt < maxAttempts) await sleep(retryBaseMs * 2 ** (attempt - 1), signal);
        signal.throwIfAborted();
      }
    }
    return false;
  }

  /** Events the filter left out still move the checkpoint, so "has passed T" holds for them too. */
  private async advance(next: Position, from: Position | null, track: Track): Promise<void> {
    if (track === 'rebuild') return this.moveCheckpoint(this.options.pool, from, next, track);
    const { checkpoints, projection } = this.options;
    if (!(await checkpoints.compareAndSetAnnounced(projection.name, track, from, next))) {
      throw new CheckpointMovedError(projection.name, track, from);
    }
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
      const error = await this.applyAlone(client, event, context);
      if (error === null) continue;
      await parkDeadLetter(client, projection.name, event, error, maxAttempts + 1);
      parked.push({ event, error });
    }
    return parked;
  }

  /**
   * Applies the events in order up to the first that fails on its own, which it never skips: the
   * checkpoint stops just before it, the halt is recorded and ProjectionHaltedError thrown.
   */
  private async applyUntilPoison(
    batch: SubscriptionBatch,
    from: Position | null,
    track: Track,
  ): Promise<void> {
    const { pool, projection, checkpoints, maxAttempts } = this.options;
    const rounds = this.halts.get(track);
    const outcome = await inTransaction(pool, async (client) => {
      if (!(await checkpoints.lockAt(client, projection.name, track, from))) {
        throw new CheckpointMovedError(projection.name, track, from);
      }
      const context = this.context(client, track);
      for (const [index, event] of batch.events.entries()) {
        const error = await this.applyAlone(client, event, context);
        if (error === null) continue;
        const next = index === 0 ? null : batch.events[index - 1]!.position;
        const attempts = rounds === undefined ? maxAttempts + 1 : 1;
        const halted = await checkpoints.halt(
          client,
          projection.name,
          track,
          { expected: from, next },
          { event, error, attempts },
        );
        if (!halted) throw new CheckpointMovedError(projection.name, track, from);
        return { applied: index, halted };
      }
      await this.moveCheckpoint(client, from, batch.checkpoint, track);
      return { applied: batch.events.length, halted: null };
    });
    if (outcome.halted) return this.stopped(track, outcome.applied, outcome.halted, rounds ?? 0);
    this.halts.delete(track);
    if (rounds !== undefined) {
      this.options.logger.info(
        { projection: projection.name, track },
        'projection applied the event it had halted at; running again',
      );
    }
    await this.committed(outcome.applied, track);
  }

  /** One event in a savepoint of the batch's transaction; answers its error, or null once applied. */
  private async applyAlone(
    client: pg.PoolClient,
    event: RecordedEvent,
    context: ProjectionContext,
  ): Promise<string | null> {
    await client.query('SAVEPOINT projection_event');
    try {
      await this.options.projection.apply([event], context);
      await client.query('RELEASE SAVEPOINT projection_event');
      return null;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT projection_event');
      return errorMessage(error);
    }
  }

  private async stopped(track: Track, applied: number, halted: HaltedAt, rounds: number): Promise<never> {
    const { projection, logger, metrics, maxAttempts, retryBaseMs, maxRetryDelayMs } = this.options;
    this.failing = false;
    this.halts.set(track, rounds + 1);
    metrics.eventsApplied(projection.name, applied);
    if (applied > 0 && track === 'live') await this.announce();
    // The pauses go on doubling from where the batch's attempts left off, up to the cap.
    const retryInMs = Math.min(maxRetryDelayMs, retryBaseMs * 2 ** (maxAttempts - 1 + rounds));
    const details = { projection: projection.name, ...halted, retryInMs };
    if (rounds === 0) logger.error(details, 'projection halted before an event it cannot apply');
    else logger.warn(details, 'projection still cannot apply the event it halted at');
    throw new ProjectionHaltedError(halted, retryInMs);
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

  /** Fills the rebuild's summary tables from its others; from then on its batches keep them. */
  async summarizeRebuild(): Promise<void> {
    const { projection, pool } = this.options;
    if (projection.summarize === undefined) return;
    this.rebuildSummariesDeferred = false;
    await inTransaction(pool, (client) => projection.summarize!(this.context(client, 'rebuild')));
  }

  private context(client: pg.PoolClient, track: Track): ProjectionContext {
    return {
      query: async <Row>(sql: string, params?: readonly unknown[]) =>
        (await client.query(sql, params ? [...params] : undefined)).rows as Row[],
      table: tableNamer(this.options.projection, track),
      summariesDeferred: track === 'rebuild' && this.rebuildSummariesDeferred,
    };
  }

  private async committed(applied: number, track: Track): Promise<void> {
    this.failing = false;
    this.progressed = true;
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
