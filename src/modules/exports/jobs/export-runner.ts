import type { CommandContext, CommandRunner } from '#decider';
import { fold } from '#decider';
import type { EventStore } from '#event-store';
import type pg from 'pg';
import { writeMemberArchive } from '../archive/member-archive.js';
import { exportDecider, type ExportCommand, type ExportState } from '../domain/export.decider.js';
import { exportStream, type ExportEvent } from '../domain/export.events.js';
import type { ExportFiles } from '../export-files.js';

export interface ExportRunnerDeps {
  readonly store: EventStore;
  readonly runner: CommandRunner;
  /** The primary: the read models the archive is made of. */
  readonly pool: pg.Pool;
  readonly files: ExportFiles;
  /** Resolves once the read models have reached the request (or a bound has passed). */
  readonly caughtUpWith: (position: string) => Promise<void>;
  readonly now?: () => Date;
}

export type ExportOutcome =
  { readonly status: 'completed'; readonly bytes: number } | { readonly status: 'finished-before' };

interface Requested {
  readonly state: ExportState;
  readonly eventId: string;
  readonly position: string;
}

/**
 * Runs one export: waits until the read models show everything the member did before asking, then
 * streams their archive into ExportFiles and records it complete. A run again after a crash
 * writes the archive anew; a finished export is left alone.
 */
export class ExportRunner {
  constructor(private readonly deps: ExportRunnerDeps) {}

  async run(exportId: string): Promise<ExportOutcome> {
    const requested = await this.load(exportId);
    const memberId = requested.state.memberId!;
    if (requested.state.status === 'completed' || requested.state.status === 'failed')
      return { status: 'finished-before' };
    const context = this.contextOf(exportId, memberId, requested.eventId);
    await this.deps.caughtUpWith(requested.position);
    await this.decide(exportId, { type: 'RecordExportProgress', done: 0, total: 1 }, context);
    const out = await this.deps.files.writer(exportId, memberId);
    await writeMemberArchive(
      {
        pool: this.deps.pool,
        store: this.deps.store,
        memberId,
        exportedAt: (this.deps.now ?? (() => new Date()))(),
        onFile: (done, total) =>
          this.decide(exportId, { type: 'RecordExportProgress', done, total }, context),
      },
      out,
    );
    await this.decide(exportId, { type: 'CompleteExport', bytes: out.bytes }, context);
    // Erased while the archive was written: the erasure already removed the member's files, so
    // what this run wrote after it would outlive them.
    if (await this.erased(memberId)) await this.deps.files.removeAllOf(memberId);
    return { status: 'completed', bytes: out.bytes };
  }

  private async erased(memberId: string): Promise<boolean> {
    const { rowCount } = await this.deps.pool.query(`SELECT 1 FROM member_erasures WHERE member_id = $1`, [
      memberId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /** Records the failure for good and drops what was written; the member can ask again. */
  async fail(exportId: string, memberId: string, causationId: string | null, reason: string): Promise<void> {
    await this.decide(
      exportId,
      { type: 'FailExport', reason },
      this.contextOf(exportId, memberId, causationId),
    );
    await this.deps.files.remove(exportId);
  }

  private contextOf(exportId: string, memberId: string, causationId: string | null): CommandContext {
    return { actorId: memberId, correlationId: exportId, causationId };
  }

  private async load(exportId: string): Promise<Requested> {
    const events: ExportEvent[] = [];
    let first: { eventId: string; position: string } | null = null;
    for await (const recorded of this.deps.store.readStream(exportStream(exportId))) {
      first ??= { eventId: recorded.metadata.eventId, position: recorded.position };
      events.push({ type: recorded.type, data: recorded.data } as ExportEvent);
    }
    if (first === null || events[0]?.type !== 'ExportRequested') throw new Error(`No export ${exportId}`);
    return { state: fold(exportDecider, exportDecider.initialState, events), ...first };
  }

  private async decide(exportId: string, command: ExportCommand, context: CommandContext): Promise<void> {
    await this.deps.runner.run({
      decider: exportDecider,
      streamId: exportStream(exportId),
      command,
      context,
    });
  }
}
