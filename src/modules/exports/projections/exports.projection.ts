import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { EXPORT_EVENT_TYPES, EXPORT_STREAM_PREFIX, type ExportEvent } from '../domain/export.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** One export's row as the batch leaves it; null where the batch says nothing. */
interface ExportPatch {
  id: string;
  status: 'running' | 'completed' | 'failed' | null;
  done: number | null;
  total: number | null;
  bytes: number | null;
  failure: string | null;
  updated_at: string;
  completed_at: string | null;
}

interface RequestedRow {
  id: string;
  member_id: string;
  created_at: string;
}

/**
 * The `exports` read model: each export's status and progress. A batch is folded per export, then
 * written in two statements; progress only moves forward and a finished export keeps its status.
 */
const exportsReadModel: Projection = {
  name: 'exports',
  version: 1,
  handles: EXPORT_EVENT_TYPES,
  tables: ['exports'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const requested: RequestedRow[] = [];
    const patches = new Map<string, ExportPatch>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ExportEvent;
      const id = recorded.streamId.slice(EXPORT_STREAM_PREFIX.length);
      const at = recorded.metadata.occurredAt;
      if (event.type === 'ExportRequested') {
        requested.push({ id, member_id: event.data.memberId, created_at: at });
        continue;
      }
      const patch: ExportPatch = {
        ...(patches.get(id) ?? {
          id,
          status: null,
          done: null,
          total: null,
          bytes: null,
          failure: null,
          completed_at: null,
        }),
        updated_at: at,
      };
      switch (event.type) {
        case 'ExportProgressed':
          patch.status ??= 'running';
          patch.done = Math.max(patch.done ?? 0, event.data.done);
          patch.total = event.data.total;
          break;
        case 'ExportCompleted':
          Object.assign(patch, { status: 'completed', bytes: event.data.bytes, completed_at: at });
          break;
        case 'ExportFailed':
          Object.assign(patch, { status: 'failed', failure: event.data.reason, completed_at: at });
          break;
      }
      patches.set(id, patch);
    }
    const exports = context.table('exports');
    if (requested.length > 0)
      await context.query(
        `INSERT INTO ${exports} (id, member_id, status, created_at, updated_at)
         SELECT r.id, r.member_id, 'queued', r.created_at, r.created_at
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, member_id uuid, created_at timestamptz)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(requested)],
      );
    if (patches.size > 0)
      await context.query(
        `UPDATE ${exports} AS e SET
           status = CASE WHEN e.status IN ('completed', 'failed') THEN e.status
                         ELSE coalesce(p.status, e.status) END,
           done = CASE WHEN p.status = 'completed' THEN greatest(e.done, coalesce(p.total, e.total))
                       ELSE greatest(e.done, coalesce(p.done, 0)) END,
           total = coalesce(p.total, e.total),
           bytes = coalesce(p.bytes, e.bytes),
           failure = coalesce(p.failure, e.failure),
           completed_at = coalesce(e.completed_at, p.completed_at),
           updated_at = greatest(e.updated_at, p.updated_at)
         FROM jsonb_to_recordset($1::jsonb) AS p(
           id uuid, status text, done integer, total integer, bytes bigint, failure text,
           updated_at timestamptz, completed_at timestamptz)
         WHERE e.id = p.id`,
        [JSON.stringify([...patches.values()])],
      );
  },
};

/** The read model, forgetting erased members. */
export const exportsProjection = scrubbingErasedMembers(exportsReadModel, async (members, context) => {
  await context.query(`DELETE FROM ${context.table('exports')} WHERE member_id = ANY($1::uuid[])`, [members]);
  // The archives are not this read model's, but nothing else would ever remove them.
  await context.query(`DELETE FROM export_file_chunks WHERE member_id = ANY($1::uuid[])`, [members]);
});
