import type pg from 'pg';
import type { Position, RecordedEvent } from '#event-store';
import type { HaltedAt } from './projection.js';
import type { Queryable } from './sql.js';

/** Listeners of this channel hear the name of a projection whose checkpoint moved. */
export const CHECKPOINT_CHANNEL = 'projection_checkpoints';

/** The live read model, or the fresh copy a rebuild fills. */
export type Track = 'live' | 'rebuild';

const checkpointColumn: Record<Track, string> = { live: 'checkpoint', rebuild: 'rebuild_checkpoint' };

export interface CheckpointRow {
  readonly projection: string;
  readonly version: number;
  readonly checkpoint: Position | null;
  readonly rebuildVersion: number | null;
  readonly rebuildCheckpoint: Position | null;
  readonly rebuildRequested: boolean;
  readonly lastError: string | null;
  readonly halted: HaltedAt | null;
}

interface StoredRow {
  projection: string;
  version: number;
  checkpoint: string | null;
  rebuild_version: number | null;
  rebuild_checkpoint: string | null;
  rebuild_requested: boolean;
  last_error: string | null;
  halted: HaltedAt | null;
}

const columns = `projection, version, checkpoint, rebuild_version, rebuild_checkpoint,
  rebuild_requested_at IS NOT NULL AS rebuild_requested, last_error, halted`;

/** Batches of both tracks run one at a time, so a success means no batch is being retried now. */
const moveStatement = (track: Track, announced: boolean): string => {
  const column = checkpointColumn[track];
  const rebuilding = track === 'rebuild' ? 'AND rebuild_version IS NOT NULL' : '';
  const update = `UPDATE projection_checkpoints
    SET ${column} = $3, last_error = NULL, failing_since = NULL, ${CLEAR_HALT_OF_TRACK}, updated_at = now()
    WHERE projection = $1 AND ${column} IS NOT DISTINCT FROM $2 ${rebuilding}`;
  return announced
    ? `WITH moved AS (${update} RETURNING projection) SELECT projection, pg_notify($5, projection) FROM moved`
    : update;
};

/** moveStatement's announced form for several projections: names, expected and next as arrays. */
const movesStatement = (track: Track): string => {
  const column = checkpointColumn[track];
  const rebuilding = track === 'rebuild' ? 'AND c.rebuild_version IS NOT NULL' : '';
  return `WITH moved AS (
      UPDATE projection_checkpoints c
      SET ${column} = w.next, last_error = NULL, failing_since = NULL,
        halted = CASE WHEN c.halted->>'track' = $4 THEN NULL ELSE c.halted END, updated_at = now()
      FROM unnest($1::text[], $2::text[], $3::text[]) AS w(projection, expected, next)
      WHERE c.projection = w.projection AND c.${column} IS NOT DISTINCT FROM w.expected ${rebuilding}
      RETURNING c.projection
    )
    SELECT projection, pg_notify($5, projection) FROM moved`;
};

interface WaitingMove {
  readonly name: string;
  readonly expected: Position | null;
  readonly next: Position;
  resolve(moved: boolean): void;
  reject(error: unknown): void;
}

const toRow = (row: StoredRow): CheckpointRow => ({
  projection: row.projection,
  version: row.version,
  checkpoint: row.checkpoint,
  rebuildVersion: row.rebuild_version,
  rebuildCheckpoint: row.rebuild_checkpoint,
  rebuildRequested: row.rebuild_requested,
  lastError: row.last_error,
  halted: row.halted,
});

/** A halt on the track is over once a batch of that track commits. */
const CLEAR_HALT_OF_TRACK = `halted = CASE WHEN halted->>'track' = $4 THEN NULL ELSE halted END`;

/** Attempts and start of a halt carry on while it is the same event on the same track. */
const SAME_HALT = `halted->>'track' = $2 AND halted->>'eventId' = $5`;

/** Raised when a checkpoint is no longer where this instance left it: someone else moved it. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';

  constructor(
    readonly projection: string,
    readonly track: Track,
    readonly expected: Position | null,
  ) {
    super(`Projection ${projection}: the ${track} checkpoint moved away from ${expected ?? 'the start'}`);
  }
}

/** The projection_checkpoints table: one row per projection. */
export class CheckpointStore {
  private movesWaiting: Record<Track, WaitingMove[]> = { live: [], rebuild: [] };

  constructor(private readonly pool: pg.Pool) {}

  /** The projection's row, created at `version` from the start when it has none yet. */
  async ensure(name: string, version: number): Promise<CheckpointRow> {
    await this.pool.query(
      `INSERT INTO projection_checkpoints (projection, version) VALUES ($1, $2)
       ON CONFLICT (projection) DO NOTHING`,
      [name, version],
    );
    return (await this.read(name))!;
  }

  async read(name: string): Promise<CheckpointRow | undefined> {
    return (await this.readMany([name]))[0];
  }

  async readMany(names: readonly string[]): Promise<CheckpointRow[]> {
    const { rows } = await this.pool.query<StoredRow>(
      `SELECT ${columns} FROM projection_checkpoints WHERE projection = ANY($1::text[])`,
      [names],
    );
    return rows.map(toRow);
  }

  /** Moves a checkpoint from `expected` to `next`; false when it was not at `expected`. */
  async compareAndSet(
    db: Queryable,
    name: string,
    track: Track,
    expected: Position | null,
    next: Position,
  ): Promise<boolean> {
    const { rowCount } = await db.query(moveStatement(track, false), [name, expected, next, track]);
    return rowCount === 1;
  }

  /**
   * compareAndSet and, when it moved, the announcement, in one autocommit statement: a
   * projection that skips what it does not handle moves on after every append, so this is its
   * most frequent statement. Moves asked in the same turn of the event loop (the projections of
   * a process woken by the same append) go in one statement. The notification is delivered at
   * the statement's commit, as announce()'s.
   */
  compareAndSetAnnounced(
    name: string,
    track: Track,
    expected: Position | null,
    next: Position,
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const waiting = this.movesWaiting[track];
      // One projection's track moves one batch at a time; a second ask would be a caller's bug.
      if (waiting.some((move) => move.name === name)) {
        reject(new Error(`Projection ${name}: two ${track} checkpoint moves at once`));
        return;
      }
      waiting.push({ name, expected, next, resolve, reject });
      if (waiting.length === 1) setImmediate(() => void this.flushMoves(track));
    });
  }

  private async flushMoves(track: Track): Promise<void> {
    const moves = this.movesWaiting[track];
    this.movesWaiting[track] = [];
    try {
      const { rows } =
        moves.length === 1
          ? await this.pool.query<{ projection: string }>(moveStatement(track, true), [
              moves[0]!.name,
              moves[0]!.expected,
              moves[0]!.next,
              track,
              CHECKPOINT_CHANNEL,
            ])
          : await this.pool.query<{ projection: string }>(movesStatement(track), [
              moves.map((move) => move.name),
              moves.map((move) => move.expected),
              moves.map((move) => move.next),
              track,
              CHECKPOINT_CHANNEL,
            ]);
      const moved = new Set(rows.map((row) => row.projection));
      for (const move of moves) move.resolve(moved.has(move.name));
    } catch (error) {
      for (const move of moves) move.reject(error);
    }
  }

  /**
   * Locks the row for the rest of the transaction if the checkpoint is still at `expected`, so a
   * competing instance waits on it; false when it moved.
   */
  async lockAt(db: Queryable, name: string, track: Track, expected: Position | null): Promise<boolean> {
    const column = checkpointColumn[track];
    const { rowCount } = await db.query(
      `SELECT 1 FROM projection_checkpoints
       WHERE projection = $1 AND ${column} IS NOT DISTINCT FROM $2 FOR UPDATE`,
      [name, expected],
    );
    return rowCount === 1;
  }

  /**
   * Records that the track stopped before `event`, moving its checkpoint from `expected` to
   * `next` first when the events before it were applied; answers the halt as stored.
   */
  async halt(
    db: Queryable,
    name: string,
    track: Track,
    moved: { readonly expected: Position | null; readonly next: Position | null },
    stop: { readonly event: RecordedEvent; readonly error: string; readonly attempts: number },
  ): Promise<HaltedAt | null> {
    const column = checkpointColumn[track];
    const { event, error, attempts } = stop;
    const { rows } = await db.query<{ halted: HaltedAt }>(
      `UPDATE projection_checkpoints SET
         ${column} = coalesce($9, ${column}), last_error = $3,
         failing_since = coalesce(failing_since, now()), updated_at = now(),
         halted = jsonb_build_object(
           'track', $2::text, 'eventId', $5::text, 'eventType', $6::text, 'streamId', $7::text,
           'position', $8::text, 'error', $3::text,
           'attempts', CASE WHEN ${SAME_HALT} THEN (halted->>'attempts')::int ELSE 0 END + $4,
           'since', CASE WHEN ${SAME_HALT} THEN halted->'since' ELSE to_jsonb(now()) END)
       WHERE projection = $1 AND ${column} IS NOT DISTINCT FROM $10
       RETURNING halted`,
      [
        name,
        track,
        error,
        attempts,
        event.metadata.eventId,
        event.type,
        event.streamId,
        event.position,
        moved.next,
        moved.expected,
      ],
    );
    return rows[0]?.halted ?? null;
  }

  async recordFailure(name: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE projection_checkpoints
       SET last_error = $2, failing_since = coalesce(failing_since, now()), updated_at = now()
       WHERE projection = $1`,
      [name, error],
    );
  }

  /** Asks whichever instance holds the projection to rebuild it. */
  async requestRebuild(name: string, version: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO projection_checkpoints (projection, version, rebuild_requested_at) VALUES ($1, $2, now())
       ON CONFLICT (projection) DO UPDATE SET rebuild_requested_at = now(), updated_at = now()`,
      [name, version],
    );
  }

  /** Starts a rebuild at `version` from the beginning, answering any pending request. */
  async beginRebuild(db: Queryable, name: string, version: number): Promise<void> {
    await db.query(
      `UPDATE projection_checkpoints
       SET rebuild_version = $2, rebuild_checkpoint = NULL, rebuild_requested_at = NULL,
         halted = CASE WHEN halted->>'track' = 'rebuild' THEN NULL ELSE halted END, updated_at = now()
       WHERE projection = $1`,
      [name, version],
    );
  }

  /** Makes the rebuild's checkpoint and version the live ones (inside the swap's transaction). */
  async promoteRebuild(db: Queryable, name: string, rebuildCheckpoint: Position | null): Promise<boolean> {
    const { rowCount } = await db.query(
      `UPDATE projection_checkpoints
       SET version = rebuild_version, checkpoint = rebuild_checkpoint,
         rebuild_version = NULL, rebuild_checkpoint = NULL,
         last_error = NULL, failing_since = NULL, halted = NULL, updated_at = now()
       WHERE projection = $1 AND rebuild_version IS NOT NULL
         AND rebuild_checkpoint IS NOT DISTINCT FROM $2`,
      [name, rebuildCheckpoint],
    );
    return rowCount === 1;
  }

  /** Wakes waiters in every process; sent after the commit, outside the transaction. */
  async announce(name: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [CHECKPOINT_CHANNEL, name]);
  }
}
