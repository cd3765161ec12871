import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { cursorColumns, DEFAULT_PAGE_SIZE, FIRST_PAGE, type Page } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { ReportReason } from '../../../comments/domain/comment.events.js';
import type { ModeratedKind, ModerationAction } from '../../projections/moderation.projection.js';
import type { QueuedText, QueueItem } from '../../moderation.response.js';
import { encodeQueueCursor, type QueueCursor, type QueueStatus } from './queue-cursor.js';

/** The moderation queue, one page of one status. */
export class GetModerationQueue extends Query<Page<QueueItem>> {
  constructor(
    readonly status: QueueStatus,
    readonly limit: number = DEFAULT_PAGE_SIZE,
    readonly cursor: QueueCursor | null = null,
  ) {
    super();
  }
}

interface QueueRow {
  subject_id: string;
  kind: ModeratedKind;
  body: string;
  author_id: string;
  author_username: string;
  film_id: string;
  film_slug: string;
  film_title: string;
  hidden: boolean;
  created_at: Date;
  report_count: number;
  auto_hidden: boolean;
  status: QueueStatus;
  decision: 'hidden' | 'restored' | 'dismissed' | 'deleted' | null;
  decided_by: string | null;
  moderator_username: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  reports: { reporterId: string; username: string; reason: ReportReason; note: string | null; at: string }[];
  cursor_at: string;
  cursor_id: string;
}

const DECISION_ACTION: Record<NonNullable<QueueRow['decision']>, ModerationAction> = {
  hidden: 'hide',
  restored: 'restore',
  dismissed: 'dismiss',
  deleted: 'delete',
};

/**
 * The page is cut from the queue's partial index (joined to its comment or review, which their
 * projections may not have written yet), then dressed with names, the film and the reports of the
 * current round: one statement per page. Open items seek on (reports DESC, waiting since, id).
 */
const pageSql = (status: QueueStatus): string => {
  const [seek, order, cursorTime] =
    status === 'open'
      ? [
          `queue.report_count <= $1 AND (queue.report_count < $1 OR (queue.first_reported_at, queue.subject_id) > ($2::timestamptz, $3::uuid))`,
          (alias: string) => `${alias}.report_count DESC, ${alias}.first_reported_at, ${alias}.subject_id`,
          'page.first_reported_at',
        ]
      : [
          `(queue.decided_at, queue.subject_id) < ($2::timestamptz, $3::uuid) AND $1::int IS NOT NULL`,
          (alias: string) => `${alias}.decided_at DESC, ${alias}.subject_id DESC`,
          'page.decided_at',
        ];
  return `
    WITH page AS (
      SELECT queue.*, text.body, text.author_id, text.film_id, text.hidden, text.created_at
      FROM moderation_queue AS queue
      JOIN (
        SELECT 'comment' AS kind, id, body, author_id, film_id, hidden, created_at FROM comments
        UNION ALL
        SELECT 'review', id, body, author_id, film_id, hidden, created_at FROM reviews
      ) AS text ON text.id = queue.subject_id AND text.kind = queue.kind
      WHERE queue.status = '${status}' AND ${seek}
      ORDER BY ${order('queue')} LIMIT $4
    )
    SELECT page.subject_id, page.kind, page.body, page.author_id, author.username AS author_username,
           page.film_id, films.slug AS film_slug, films.title AS film_title, page.hidden, page.created_at,
           page.report_count, page.auto_hidden, page.status, page.decision, page.decided_by,
           moderator.username AS moderator_username, page.decision_reason, page.decided_at,
           COALESCE((
             SELECT json_agg(json_build_object('reporterId', report.reporter_id, 'username', reporter.username,
                      'reason', report.reason, 'note', report.note, 'at', report.reported_at)
                    ORDER BY report.reported_at, report.reporter_id)
             FROM moderation_reports AS report JOIN accounts AS reporter ON reporter.id = report.reporter_id
             WHERE report.subject_id = page.subject_id AND report.round = page.round
           ), '[]'::json) AS reports,
           ${cursorColumns(cursorTime, 'page.subject_id')}
    FROM page
    JOIN accounts AS author ON author.id = page.author_id
    JOIN films ON films.id = page.film_id
    LEFT JOIN accounts AS moderator ON moderator.id = page.decided_by
    ORDER BY ${order('page')}`;
};

const textOf = (row: QueueRow): QueuedText => ({
  id: row.subject_id,
  body: row.body,
  author: { id: row.author_id, username: row.author_username },
  film: { id: row.film_id, slug: row.film_slug, title: row.film_title },
  hidden: row.hidden,
  createdAt: row.created_at.toISOString(),
});

const toItem = (row: QueueRow): QueueItem => ({
  ...(row.kind === 'comment'
    ? { kind: 'comment' as const, comment: textOf(row) }
    : { kind: 'review' as const, review: textOf(row) }),
  reports: row.reports.map((report) => ({
    reporter: { id: report.reporterId, username: report.username },
    reason: report.reason,
    note: report.note,
    at: new Date(report.at).toISOString(),
  })),
  reportCount: row.report_count,
  autoHidden: row.auto_hidden,
  status: row.status,
  decision:
    row.status === 'resolved' && row.decision && row.decided_at
      ? {
          action: DECISION_ACTION[row.decision],
          moderator:
            row.decided_by && row.moderator_username
              ? { id: row.decided_by, username: row.moderator_username }
              : null,
          reason: row.decision_reason,
          at: row.decided_at.toISOString(),
        }
      : null,
});

const MOST_REPORTS = 2_147_483_647;
const NO_ID = '00000000-0000-0000-0000-000000000000';

@QueryHandler(GetModerationQueue)
export class GetModerationQueueHandler implements IQueryHandler<GetModerationQueue> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ status, limit, cursor }: GetModerationQueue): Promise<Page<QueueItem>> {
    const from =
      status === 'open'
        ? cursor?.kind === 'open'
          ? [cursor.reports, cursor.since, cursor.id]
          : [MOST_REPORTS, '-infinity', NO_ID]
        : cursor?.kind === 'resolved'
          ? [0, cursor.at, cursor.id]
          : [0, FIRST_PAGE.at, FIRST_PAGE.id];
    const { rows } = await this.pool.query<QueueRow>({
      name: `moderation-queue-${status}`,
      text: pageSql(status),
      values: [...from, limit + 1],
    });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    const next: QueueCursor | null =
      rows.length > limit && last
        ? status === 'open'
          ? { kind: 'open', reports: last.report_count, since: last.cursor_at, id: last.cursor_id }
          : { kind: 'resolved', at: last.cursor_at, id: last.cursor_id }
        : null;
    return { items: shown.map(toItem), nextCursor: next ? encodeQueueCursor(next) : null };
  }
}
