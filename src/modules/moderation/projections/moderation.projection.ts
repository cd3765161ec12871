import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import type { CommentEvent } from '../../comments/domain/comment.events.js';
import type { MemberEvent } from '../../identity/domain/member.events.js';

/** What a moderator did, as the log and a queue item's decision name it. */
export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss', 'delete', 'suspend', 'reinstate'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

type Decision = 'hidden' | 'restored' | 'dismissed' | 'deleted';

interface QueueRow {
  comment_id: string;
  status: 'open' | 'resolved';
  round: number;
  report_count: number;
  auto_hidden: boolean;
  first_reported_at: string | null;
  last_reported_at: string | null;
  decision: Decision | null;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: string | null;
}

interface ReportRow {
  comment_id: string;
  reporter_id: string;
  round: number;
  reason: string;
  note: string | null;
  reported_at: string;
}

interface LogRow {
  event_id: string;
  moderator_id: string;
  action: ModerationAction;
  target_kind: 'comment' | 'member';
  target_id: string;
  reason: string | null;
}

const HANDLED = [
  'CommentReported',
  'CommentAutoHidden',
  'CommentHidden',
  'CommentRestored',
  'CommentReportsDismissed',
  'CommentDeleted',
  'MemberSuspended',
  'MemberReinstated',
] as const satisfies readonly (CommentEvent['type'] | MemberEvent['type'])[];

type Handled = Extract<CommentEvent | MemberEvent, { type: (typeof HANDLED)[number] }>;

const COMMENT_PREFIX = 'comment-';
const MEMBER_PREFIX = 'member-';

const newItem = (commentId: string, at: string): QueueRow => ({
  comment_id: commentId,
  status: 'open',
  round: 1,
  report_count: 0,
  auto_hidden: false,
  first_reported_at: at,
  last_reported_at: null,
  decision: null,
  decided_by: null,
  decision_reason: null,
  decided_at: null,
});

/** Reports after a decision open the next round, with none of the last round's decision. */
const reported = (item: QueueRow | undefined, commentId: string, at: string): QueueRow => {
  if (!item) return { ...newItem(commentId, at), report_count: 1, last_reported_at: at };
  if (item.status === 'resolved') {
    return {
      ...newItem(commentId, at),
      round: item.round + 1,
      report_count: 1,
      last_reported_at: at,
    };
  }
  return { ...item, report_count: item.report_count + 1, last_reported_at: at };
};

const decided = (
  item: QueueRow | undefined,
  commentId: string,
  decision: Decision,
  by: string | null,
  reason: string | null,
  at: string,
): QueueRow => ({
  ...(item ?? newItem(commentId, at)),
  status: 'resolved',
  decision,
  decided_by: by,
  decision_reason: reason,
  decided_at: at,
});

/** The batch folded over the touched queue items, with the report and log rows it adds. */
class ModerationFold {
  readonly reports: ReportRow[] = [];
  readonly log: (LogRow & { at: string })[] = [];

  constructor(readonly items: Map<string, QueueRow>) {}

  apply(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as Handled;
    const { eventId, occurredAt: at, actorId } = recorded.metadata;
    const id = recorded.streamId.slice(
      event.type.startsWith('Member') ? MEMBER_PREFIX.length : COMMENT_PREFIX.length,
    );
    const item = this.items.get(id);
    const logged = (moderatorId: string | null, action: ModerationAction, reason: string | null): void => {
      // Only people act in the log; a system-made event (none today) would have no moderator.
      if (moderatorId === null) return;
      const targetKind = action === 'suspend' || action === 'reinstate' ? 'member' : 'comment';
      this.log.push({
        event_id: eventId,
        moderator_id: moderatorId,
        action,
        target_kind: targetKind,
        target_id: id,
        reason,
        at,
      });
    };
    switch (event.type) {
      case 'CommentReported': {
        const next = reported(item, id, at);
        this.items.set(id, next);
        const { reporterId, reason, note } = event.data;
        this.reports.push({
          comment_id: id,
          reporter_id: reporterId,
          round: next.round,
          reason,
          note,
          reported_at: at,
        });
        return;
      }
      case 'CommentAutoHidden':
        this.items.set(id, { ...(item ?? newItem(id, at)), status: 'open', auto_hidden: true });
        return;
      case 'CommentHidden':
        this.items.set(id, decided(item, id, 'hidden', event.data.moderatorId, event.data.reason, at));
        logged(event.data.moderatorId, 'hide', event.data.reason);
        return;
      case 'CommentRestored':
        this.items.set(id, decided(item, id, 'restored', event.data.moderatorId, event.data.reason, at));
        logged(event.data.moderatorId, 'restore', event.data.reason);
        return;
      case 'CommentReportsDismissed':
        this.items.set(id, decided(item, id, 'dismissed', event.data.moderatorId, event.data.reason, at));
        logged(event.data.moderatorId, 'dismiss', event.data.reason);
        return;
      case 'CommentDeleted':
        if (event.data.byModerator) {
          this.items.set(id, decided(item, id, 'deleted', actorId, null, at));
          logged(actorId, 'delete', null);
        } else if (item?.status === 'open') {
          // The author took it down while it awaited review: nothing is left to decide.
          this.items.set(id, decided(item, id, 'deleted', null, null, at));
        }
        return;
      case 'MemberSuspended':
        logged(actorId, 'suspend', event.data.reason);
        return;
      case 'MemberReinstated':
        logged(actorId, 'reinstate', event.data.reason ?? null);
        return;
    }
  }
}

/**
 * The moderation queue (one item per reported or moderated comment, its state in the current
 * review round), the reports of each round, and the log of moderator actions. Per batch: one read
 * of the touched items, a fold in memory, one upsert and two inserts.
 */
export const moderationProjection: Projection = {
  name: 'moderation',
  version: 1,
  handles: HANDLED,
  tables: ['moderation_queue', 'moderation_reports', 'moderation_log'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const queue = context.table('moderation_queue');
    const commentIds = [
      ...new Set(
        events
          .filter((event) => event.streamId.startsWith(COMMENT_PREFIX))
          .map((event) => event.streamId.slice(COMMENT_PREFIX.length)),
      ),
    ];
    const existing =
      commentIds.length === 0
        ? []
        : await context.query<QueueRow>(
            `SELECT comment_id, status, round, report_count, auto_hidden, first_reported_at::text,
                    last_reported_at::text, decision, decided_by, decision_reason, decided_at::text
             FROM ${queue} WHERE comment_id = ANY($1::uuid[])`,
            [commentIds],
          );
    const fold = new ModerationFold(new Map(existing.map((row) => [row.comment_id, row])));
    for (const event of events) fold.apply(event);

    if (fold.items.size > 0) {
      await context.query(
        `INSERT INTO ${queue} AS item (comment_id, status, round, report_count, auto_hidden, first_reported_at,
           last_reported_at, decision, decided_by, decision_reason, decided_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS row(comment_id uuid, status text, round int,
           report_count int, auto_hidden boolean, first_reported_at timestamptz, last_reported_at timestamptz,
           decision text, decided_by uuid, decision_reason text, decided_at timestamptz)
         ON CONFLICT (comment_id) DO UPDATE SET
           status = EXCLUDED.status, round = EXCLUDED.round, report_count = EXCLUDED.report_count,
           auto_hidden = EXCLUDED.auto_hidden, first_reported_at = EXCLUDED.first_reported_at,
           last_reported_at = EXCLUDED.last_reported_at, decision = EXCLUDED.decision,
           decided_by = EXCLUDED.decided_by, decision_reason = EXCLUDED.decision_reason,
           decided_at = EXCLUDED.decided_at`,
        [JSON.stringify([...fold.items.values()])],
      );
    }
    if (fold.reports.length > 0) {
      await context.query(
        `INSERT INTO ${context.table('moderation_reports')}
           (comment_id, reporter_id, round, reason, note, reported_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS row(comment_id uuid, reporter_id uuid, round int,
           reason text, note text, reported_at timestamptz)
         ON CONFLICT (comment_id, reporter_id) DO NOTHING`,
        [JSON.stringify(fold.reports)],
      );
    }
    if (fold.log.length > 0) {
      await context.query(
        `INSERT INTO ${context.table('moderation_log')} (event_id, moderator_id, action, target_kind, target_id, reason, at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS row(event_id uuid, moderator_id uuid, action text,
           target_kind text, target_id uuid, reason text, at timestamptz)
         ON CONFLICT (event_id) DO NOTHING`,
        [JSON.stringify(fold.log)],
      );
    }
  },
};
