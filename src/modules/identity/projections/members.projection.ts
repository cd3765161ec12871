import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { MEMBER_ACCESS_CHANNEL } from '../auth/member-access-cache.js';
import { MEMBER_EVENT_TYPES, type MemberEvent } from '../domain/member.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

interface MemberRow {
  user_id: string;
  roles: string[];
  status: 'active' | 'suspended';
  suspended_until: string | null;
  suspension_reason: string | null;
  joined_at: string | null;
}

const STREAM_PREFIX = 'member-';

const blankRow = (userId: string): MemberRow => ({
  user_id: userId,
  roles: [],
  status: 'active',
  suspended_until: null,
  suspension_reason: null,
  joined_at: null,
});

function applyEvent(row: MemberRow, event: RecordedEvent): MemberRow {
  const memberEvent = { type: event.type, data: event.data } as MemberEvent;
  switch (memberEvent.type) {
    case 'MemberRegistered':
      return { ...row, joined_at: event.metadata.occurredAt };
    case 'RoleGranted':
      return row.roles.includes(memberEvent.data.role)
        ? row
        : { ...row, roles: [...row.roles, memberEvent.data.role].sort() };
    case 'RoleRevoked':
      return { ...row, roles: row.roles.filter((role) => role !== memberEvent.data.role) };
    case 'MemberSuspended':
      return {
        ...row,
        status: 'suspended',
        suspended_until: memberEvent.data.until,
        suspension_reason: memberEvent.data.reason,
      };
    case 'MemberReinstated':
      return { ...row, status: 'active', suspended_until: null, suspension_reason: null };
    default:
      return row;
  }
}

/**
 * Roles and status per member, which the auth guard reads on every write.
 * Set-based: one read of the batch's members, a fold in memory, one upsert.
 */
const membersReadModel: Projection = {
  name: 'members',
  version: 1,
  handles: MEMBER_EVENT_TYPES,
  tables: ['members'],
  // A skipped role change or suspension would authorise wrongly from then on (docs/adr/0008).
  onPoisonEvent: 'halt',

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const table = context.table('members');
    const userIds = [...new Set(events.map((event) => event.streamId.slice(STREAM_PREFIX.length)))];
    const existing = await context.query<MemberRow>(
      `SELECT user_id, roles, status, suspended_until::text, suspension_reason, joined_at::text
       FROM ${table} WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const rows = new Map(existing.map((row) => [row.user_id, row]));
    for (const event of events) {
      const userId = event.streamId.slice(STREAM_PREFIX.length);
      rows.set(userId, applyEvent(rows.get(userId) ?? blankRow(userId), event));
    }
    const changed = [...rows.values()];
    await context.query(
      `INSERT INTO ${table} AS member
         (user_id, roles, status, suspended_until, suspension_reason, joined_at, updated_at)
       SELECT row.user_id, ARRAY(SELECT jsonb_array_elements_text(row.roles)), row.status,
              row.suspended_until, row.suspension_reason, row.joined_at, now()
       FROM jsonb_to_recordset($1::jsonb) AS row(
         user_id uuid, roles jsonb, status text, suspended_until timestamptz,
         suspension_reason text, joined_at timestamptz)
       ON CONFLICT (user_id) DO UPDATE SET
         roles = EXCLUDED.roles, status = EXCLUDED.status, suspended_until = EXCLUDED.suspended_until,
         suspension_reason = EXCLUDED.suspension_reason, joined_at = EXCLUDED.joined_at, updated_at = now()`,
      [JSON.stringify(changed)],
    );
    // Committed with the rows: each API process drops what it keeps of these members' access.
    await context.query(`SELECT pg_notify($1, user_id) FROM unnest($2::text[]) AS user_id`, [
      MEMBER_ACCESS_CHANNEL,
      userIds,
    ]);
  },
};

/** The read model, forgetting erased members. */
export const membersProjection = scrubbingErasedMembers(membersReadModel, async (members, context) => {
  await context.query(`DELETE FROM ${context.table('members')} WHERE user_id = ANY($1::uuid[])`, [members]);
  await context.query(`SELECT pg_notify($1, user_id) FROM unnest($2::text[]) AS user_id`, [
    MEMBER_ACCESS_CHANNEL,
    members,
  ]);
});
