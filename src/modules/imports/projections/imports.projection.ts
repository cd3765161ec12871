import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { IMPORT_EVENT_TYPES, IMPORT_STREAM_PREFIX, type ImportEvent } from '../domain/import.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** One import's row as the batch leaves it; null where the batch says nothing. */
interface ImportPatch {
  id: string;
  status: 'running' | 'completed' | 'failed' | null;
  done: number | null;
  total: number | null;
  counts: unknown;
  unmatched: unknown;
  row_errors: unknown;
  not_imported: unknown;
  failure: string | null;
  updated_at: string;
  completed_at: string | null;
}

interface StartedRow {
  id: string;
  member_id: string;
  source: string;
  file_name: string;
  created_at: string;
}

const patchOf = (id: string, at: string): ImportPatch => ({
  id,
  status: null,
  done: null,
  total: null,
  counts: null,
  unmatched: null,
  row_errors: null,
  not_imported: null,
  failure: null,
  updated_at: at,
  completed_at: null,
});

/**
 * The `imports` read model: status, progress and result of each import. A batch is folded per
 * import, then written in two statements. Progress is the largest `done` seen, so a job that runs
 * again after a crash never moves it back, and a finished import keeps its status.
 */
const importsReadModel: Projection = {
  name: 'imports',
  version: 1,
  handles: IMPORT_EVENT_TYPES,
  tables: ['imports'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const started: StartedRow[] = [];
    const patches = new Map<string, ImportPatch>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ImportEvent;
      const id = recorded.streamId.slice(IMPORT_STREAM_PREFIX.length);
      const at = recorded.metadata.occurredAt;
      const patch = { ...(patches.get(id) ?? patchOf(id, at)), updated_at: at };
      switch (event.type) {
        case 'ImportStarted':
          started.push({
            id,
            member_id: event.data.memberId,
            source: event.data.source,
            file_name: event.data.fileName,
            created_at: at,
          });
          break;
        case 'ImportProgressed':
          patch.status ??= 'running';
          patch.done = Math.max(patch.done ?? 0, event.data.done);
          patch.total = event.data.total;
          break;
        case 'ImportCompleted':
          Object.assign(patch, {
            status: 'completed',
            counts: event.data.counts,
            unmatched: event.data.unmatched,
            row_errors: event.data.rowErrors,
            not_imported: event.data.notImported,
            completed_at: at,
          });
          break;
        case 'ImportFailed':
          Object.assign(patch, { status: 'failed', failure: event.data.reason, completed_at: at });
          break;
      }
      if (event.type !== 'ImportStarted') patches.set(id, patch);
    }
    const imports = context.table('imports');
    if (started.length > 0)
      await context.query(
        `INSERT INTO ${imports} (id, member_id, source, file_name, status, created_at, updated_at)
         SELECT s.id, s.member_id, s.source, s.file_name, 'queued', s.created_at, s.created_at
           FROM jsonb_to_recordset($1::jsonb)
             AS s(id uuid, member_id uuid, source text, file_name text, created_at timestamptz)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(started)],
      );
    if (patches.size > 0)
      await context.query(
        `UPDATE ${imports} AS i SET
           status = CASE WHEN i.status IN ('completed', 'failed') THEN i.status
                         ELSE coalesce(p.status, i.status) END,
           done = CASE WHEN p.status = 'completed' THEN greatest(i.done, coalesce(p.total, i.total))
                       ELSE greatest(i.done, coalesce(p.done, 0)) END,
           total = coalesce(p.total, i.total),
           counts = coalesce(p.counts, i.counts),
           unmatched = coalesce(p.unmatched, i.unmatched),
           row_errors = coalesce(p.row_errors, i.row_errors),
           not_imported = coalesce(p.not_imported, i.not_imported),
           failure = coalesce(p.failure, i.failure),
           completed_at = coalesce(i.completed_at, p.completed_at),
           updated_at = greatest(i.updated_at, p.updated_at)
         FROM jsonb_to_recordset($1::jsonb) AS p(
           id uuid, status text, done integer, total integer, counts jsonb, unmatched jsonb,
           row_errors jsonb, not_imported jsonb, failure text, updated_at timestamptz,
           completed_at timestamptz)
         WHERE i.id = p.id`,
        [JSON.stringify([...patches.values()])],
      );
  },
};

/** The read model, forgetting erased members. */
export const importsProjection = scrubbingErasedMembers(importsReadModel, async (members, context) => {
  await context.query(`DELETE FROM ${context.table('imports')} WHERE member_id = ANY($1::uuid[])`, [members]);
  // The uploaded files are not this read model's, but nothing else would ever remove them.
  await context.query(`DELETE FROM import_files WHERE member_id = ANY($1::uuid[])`, [members]);
});
