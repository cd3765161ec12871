import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  cursorColumns,
  pageOf,
  pageWindow,
  type CursorRow,
  type Page,
  type PageRequest,
} from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { ModeratedKind, ModerationAction } from '../../projections/moderation.projection.js';
import type { LogEntry } from '../../moderation.response.js';

/** Every moderator action, newest first. */
export class GetModerationLog extends Query<Page<LogEntry>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}

interface LogRow extends CursorRow {
  moderator_id: string;
  moderator_username: string;
  action: ModerationAction;
  target_kind: ModeratedKind | 'member';
  target_id: string;
  target_username: string | null;
  reason: string | null;
  at: Date;
}

/** A keyset seek on (at, event_id) DESC, with names joined: one statement per page. */
const LOG = `
  SELECT log.moderator_id, moderator.username AS moderator_username, log.action, log.target_kind,
         log.target_id, member.username AS target_username, log.reason, log.at,
         ${cursorColumns('log.at', 'log.event_id')}
  FROM moderation_log AS log
  JOIN accounts AS moderator ON moderator.id = log.moderator_id
  LEFT JOIN accounts AS member ON log.target_kind = 'member' AND member.id = log.target_id
  WHERE (log.at, log.event_id) < ($1::timestamptz, $2::uuid)
  ORDER BY log.at DESC, log.event_id DESC
  LIMIT $3`;

const toEntry = (row: LogRow): LogEntry => ({
  moderator: { id: row.moderator_id, username: row.moderator_username },
  action: row.action,
  target:
    row.target_kind === 'member'
      ? { kind: 'member', id: row.target_id, username: row.target_username ?? '' }
      : { kind: row.target_kind, id: row.target_id },
  reason: row.reason,
  at: row.at.toISOString(),
});

@QueryHandler(GetModerationLog)
export class GetModerationLogHandler implements IQueryHandler<GetModerationLog> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ page }: GetModerationLog): Promise<Page<LogEntry>> {
    const { limit, from } = pageWindow(page);
    const { rows } = await this.pool.query<LogRow>({
      name: 'moderation-log',
      text: LOG,
      values: [from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toEntry);
  }
}
