import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import type { CommentEvent } from '../../comments/domain/comment.events.js';
import type { MemberEvent } from '../../identity/domain/member.events.js';
import type { ReviewEvent } from '../../reviews/domain/review.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** What members write that moderators decide on. */
export const MODERATED_KINDS = ['comment', 'review'] as const;
export type ModeratedKind = (typeof MODERATED_KINDS)[number];

/** What a moderator did, as the log and a queue item's decision name it. */
export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss', 'delete', 'suspend', 'reinstate'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

type Decision = 'hidden' | 'restored' | 'dismissed' | 'deleted';

interface QueueRow {
  subject_id: string;
  kind: ModeratedKind;
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
  subject_id: string;
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
  target_kind: ModeratedKind | 'member';
  target_id: string;
  reason: string | null;
}

/** The facts every reportable kind records, without the kind's prefix. */
const TEXT_FACTS = ['Reported', 'AutoHidden', 'Hidden', 'Restored', 'ReportsDismissed', 'Deleted'] as const;
type TextFact = (typeof TEXT_FACTS)[number];

const HANDLED = [
  ...TEXT_FACTS.map((fact) => `Comment${fact}` as const),
  ...TEXT_FACTS.map((fact) => `Review${fact}` as const),
  'MemberSuspended',
  'MemberReinstated',
] as const satisfies readonly (CommentEvent['type'] | ReviewEvent['type'] | MemberEvent['type'])[];

/** A comment's or a review's moderation fact, named without its kind. */
type TextEvent = {
  [Fact in TextFact]: {
    readonly fact: Fact;
    readonly data: Extract<CommentEvent, { type: `Comment${Fact}` }>['data'];
  };
}[TextFact];

/** The stream prefix of each kind, and of the members. */
const PREFIXES: Record<ModeratedKind, string> = { comment: 'comment-', review: 'review-' };
const MEMBER_PREFIX = 'member-';

/** The kind and id of a text's stream; null for a member's. */
function subjectOf(streamId: string): { kind: ModeratedKind; id: string } | null {
  for (const kind of MODERATED_KINDS) {
    if (streamId.startsWith(PREFIXES[kind])) return { kind, id: streamId.slice(PREFIXES[kind].length) };
  }
  return null;
}

/** `CommentHidden` → { fact: 'Hidden', … }: both kinds' facts carry the same data. */
function textEventOf(recorded: RecordedEvent, kind: ModeratedKind): TextEvent {
  const prefix = kind === 'comment' ? 'Comment' : 'Review';
  return { fact: recorded.type.slice(prefix.length), data: recorded.data } as TextEvent;
}

const newItem = (kind: ModeratedKind, subjectId: string, at: string): QueueRow => ({
  subject_id: subjectId,
  kind,
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
const reported = (
  item: QueueRow | undefined,
  kind: ModeratedKind,
  subjectId: string,
  at: string,
): QueueRow => {
  if (!item) return { ...newItem(kind, subjectId, at), report_count: 1, last_reported_at: at };
  if (item.status === 'resolved') {
    return {
      ...newItem(kind, subjectId, at),
      round: item.round + 1,
      report_count: 1,
      last_reported_at: at,
    };
  }
  return { ...item, report_count: item.report_count + 1, last_reported_at: at };
};

const decided = (
  item: QueueRow | undefined,
  kind: ModeratedKind,
  subjectId: string,
  decision: Decision,
  by: string | null,
  reason: string | null,
  at: string,
): QueueRow => ({
  ...(item ?? newItem(kind, subjectId, at)),
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
    const { eventId, occurredAt: at, actorId } = recorded.metadata;
    const subject = subjectOf(recorded.streamId);
    const id = subject?.id ?? recorded.streamId.slice(MEMBER_PREFIX.length);
    const logged = (moderatorId: string | null, action: ModerationAction, reason: string | null): void => {
      // Only people act in the log; a system-made event (none today) would have no moderator.
      if (moderatorId === null) return;
      const targetKind = subject?.kind ?? 'member';
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
    if (subject === null) {
      const member = recorded as unknown as MemberEvent;
      if (member.type === 'MemberSuspended') logged(actorId, 'suspend', member.data.reason);
      else if (member.type === 'MemberReinstated') logged(actorId, 'reinstate', member.data.reason ?? null);
      return;
    }
    const { kind } = subject;
    const item = this.items.get(id);
    const event = textEventOf(recorded, kind);
    switch (event.fact) {
      case 'Reported': {
        const next = reported(item, kind, id, at);
        this.items.set(id, next);
        const { reporterId, reason, note } = event.data;
        this.reports.push({
          subject_id: id,
          reporter_id: reporterId,
          round: next.round,
          reason,
          note,
          reported_at: at,
        });
        return;
      }
      case 'AutoHidden':
        this.items.set(id, { ...(item ?? newItem(kind, id, at)), status: 'open', auto_hidden: true });
        return;
      case 'Hidden':
        this.items.set(id, decided(item, kind, id, 'hidden', event.data.moderatorId, event.data.reason, at));
        logged(event.data.moderatorId, 'hide', event.data.reason);
        return;
      case 'Restored':
        this.items.set(
          id,
          decided(item, kind, id, 'restored', event.data.moderatorId, event.data.reason, at),
        );
        logged(event.data.moderatorId, 'restore', event.data.reason);
        return;
      case 'ReportsDismissed':
        this.items.set(
          id,
          decided(item, kind, id, 'dismissed', event.data.moderatorId, event.data.reason, at),
        );
        logged(event.data.moderatorId, 'dismiss', event.data.reason);
        return;
      case 'Deleted':
        if (event.data.byModerator) {
          this.items.set(id, decided(item, kind, id, 'deleted', actorId, null, at));
          logged(actorId, 'delete', null);
        } else if (item?.status === 'open') {
          // The author took it down while it awaited review: nothing is left to decide.
          this.items.set(id, decided(item, kind, id, 'deleted', null, null, at));
        }
        return;
    }
  }
}

/**
 * The moderation queue (one item per reported or moderated comment or review, its state in the current
 * review round), the reports of each round, and the log of moderator actions. Per batch: one read
 * of the touched items, a fold in memory, one upsert and two inserts.
 */
const moderationReadModel: Projection = {
  name: 'moderation',
  version: 1,
  handles: HANDLED,
  tables: ['moderation_queue', 'moderation_reports', 'moderation_log'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const queue = context.table('moderation_queue');
    const subjectIds = [...new Set(events.flatMap((event) => subjectOf(event.streamId)?.id ?? []))];
    const existing =
      subjectIds.length === 0
        ? []
        : await context.query<QueueRow>(
            `SELECT subject_id, kind, status, round, report_count, auto_hidden, first_reported_at::text,
                    last_reported_at::text, decision, decided_by, decision_reason, decided_at::text
             FROM ${queue} WHERE subject_id = ANY($1::uuid[])`,
            [subjectIds],
          );
    const fold = new ModerationFold(new Map(existing.map((row) => [row.subject_id, row])));
    for (const event of events) fold.apply(event);

    if (fold.items.size > 0) {
      await context.query(
        `INSERT INTO ${queue} AS item (subject_id, kind, status, round, report_count, auto_hidden, first_reported_at,
           last_reported_at, decision, decided_by, decision_reason, decided_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS row(subject_id uuid, kind text, status text, round int,
           report_count int, auto_hidden boolean, first_reported_at timestamptz, last_reported_at timestamptz,
           decision text, decided_by uuid, decision_reason text, decided_at timestamptz)
         ON CONFLICT (subject_id) DO UPDATE SET
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
           (subject_id, reporter_id, round, reason, note, reported_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS row(subject_id uuid, reporter_id uuid, round int,
           reason text, note text, reported_at timestamptz)
         ON CONFLICT (subject_id, reporter_id) DO NOTHING`,
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

/** The read model, forgetting erased members. */
export const moderationProjection = scrubbingErasedMembers(
  moderationReadModel,
  // Reporters' notes are theirs; the reports' count stays, as other anonymous counts do.
  async (members, context) => {
    await context.query(
      `DELETE FROM ${context.table('moderation_reports')} WHERE reporter_id = ANY($1::uuid[])`,
      [members],
    );
  },
);
