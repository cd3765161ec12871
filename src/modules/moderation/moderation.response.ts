import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import { REPORT_REASONS, type ReportReason } from '../comments/domain/comment.events.js';
import {
  MODERATED_KINDS,
  MODERATION_ACTIONS,
  type ModeratedKind,
  type ModerationAction,
} from './projections/moderation.projection.js';

export interface MemberRef {
  readonly id: string;
  readonly username: string;
}

/** The comment or review a queue item is about. */
export interface QueuedText {
  readonly id: string;
  readonly body: string;
  readonly author: MemberRef;
  readonly film: { readonly id: string; readonly slug: string; readonly title: string };
  readonly hidden: boolean;
  readonly createdAt: string;
}

/** `comment` or `review`, as `kind` says. */
export type QueueItem = (
  | { readonly kind: 'comment'; readonly comment: QueuedText }
  | { readonly kind: 'review'; readonly review: QueuedText }
) & {
  readonly reports: readonly {
    readonly reporter: MemberRef;
    readonly reason: ReportReason;
    readonly note: string | null;
    readonly at: string;
  }[];
  readonly reportCount: number;
  readonly autoHidden: boolean;
  readonly status: 'open' | 'resolved';
  readonly decision: {
    readonly action: ModerationAction;
    /** Null when the author deleted the comment while it awaited review. */
    readonly moderator: MemberRef | null;
    readonly reason: string | null;
    readonly at: string;
  } | null;
};

/** The text an item is about, whichever its kind. */
export const queuedTextOf = (item: QueueItem): QueuedText =>
  item.kind === 'comment' ? item.comment : item.review;

export interface LogEntry {
  readonly moderator: MemberRef;
  readonly action: ModerationAction;
  readonly target:
    | { readonly kind: ModeratedKind; readonly id: string }
    | { readonly kind: 'member'; readonly id: string; readonly username: string };
  readonly reason: string | null;
  readonly at: string;
}

export interface CommentModerated {
  readonly commentId: string;
  readonly hidden: boolean;
  readonly status: 'open' | 'resolved';
  readonly position: Position;
}

export interface ReviewModerated {
  readonly reviewId: string;
  readonly hidden: boolean;
  readonly status: 'open' | 'resolved';
  readonly position: Position;
}

export interface MemberSuspendedResult {
  readonly suspended: true;
  readonly until: string | null;
  readonly position: Position;
}

export interface MemberReinstatedResult {
  readonly suspended: false;
  readonly position: Position;
}

const INSTANT = { type: String, format: 'date-time' } as const;
const POSITION = {
  type: String,
  description: 'Consistency token: pass as X-Consistent-With to read your write',
};
const NEXT_CURSOR = {
  type: String,
  nullable: true,
  description: 'Pass as ?cursor= for the next page; null on the last',
} as const;

class MemberRefResponse implements MemberRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cedric' }) username!: string;
}

class QueueFilmResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
}

class QueuedTextResponse implements QueuedText {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Plain text, as posted (or last edited)' }) body!: string;
  @ApiProperty({ type: MemberRefResponse }) author!: MemberRefResponse;
  @ApiProperty({ type: QueueFilmResponse }) film!: QueueFilmResponse;
  @ApiProperty() hidden!: boolean;
  @ApiProperty(INSTANT) createdAt!: string;
}

class QueueReportResponse {
  @ApiProperty({ type: MemberRefResponse }) reporter!: MemberRefResponse;
  @ApiProperty({ enum: REPORT_REASONS }) reason!: ReportReason;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty(INSTANT) at!: string;
}

class QueueDecisionResponse {
  @ApiProperty({ enum: ['hide', 'restore', 'dismiss', 'delete'] }) action!: ModerationAction;
  @ApiProperty({ type: MemberRefResponse, nullable: true, description: 'Null when the author deleted it' })
  moderator!: MemberRefResponse | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty(INSTANT) at!: string;
}

export class QueueItemResponse {
  @ApiProperty({ enum: MODERATED_KINDS, description: 'What the item is about: its comment or its review' })
  kind!: ModeratedKind;
  @ApiProperty({ type: QueuedTextResponse, required: false, description: 'When kind is comment' })
  comment?: QueuedTextResponse;
  @ApiProperty({ type: QueuedTextResponse, required: false, description: 'When kind is review' })
  review?: QueuedTextResponse;
  @ApiProperty({
    type: [QueueReportResponse],
    description: 'Reports of the current review round, oldest first',
  })
  reports!: QueueReportResponse[];
  @ApiProperty() reportCount!: number;
  @ApiProperty({ description: 'Hidden automatically by reports, awaiting a moderator' }) autoHidden!: boolean;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: 'open' | 'resolved';
  @ApiProperty({ type: QueueDecisionResponse, nullable: true }) decision!: QueueDecisionResponse | null;
}

export class QueuePageResponse {
  @ApiProperty({ type: [QueueItemResponse] }) items!: QueueItemResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

class LogTargetResponse {
  @ApiProperty({ enum: [...MODERATED_KINDS, 'member'] }) kind!: ModeratedKind | 'member';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ required: false, description: 'For a member' }) username?: string;
}

export class LogEntryResponse {
  @ApiProperty({ type: MemberRefResponse }) moderator!: MemberRefResponse;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: ModerationAction;
  @ApiProperty({ type: LogTargetResponse }) target!: LogTargetResponse;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty(INSTANT) at!: string;
}

export class LogPageResponse {
  @ApiProperty({ type: [LogEntryResponse] }) items!: LogEntryResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class CommentModeratedResponse implements CommentModerated {
  @ApiProperty({ format: 'uuid' }) commentId!: string;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: 'open' | 'resolved';
  @ApiProperty(POSITION) position!: Position;
}

export class ReviewModeratedResponse implements ReviewModerated {
  @ApiProperty({ format: 'uuid' }) reviewId!: string;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: 'open' | 'resolved';
  @ApiProperty(POSITION) position!: Position;
}

export class MemberSuspendedResponse implements MemberSuspendedResult {
  @ApiProperty({ enum: [true] }) suspended!: true;
  @ApiProperty({ ...INSTANT, nullable: true, description: 'Null: until reinstated' }) until!: string | null;
  @ApiProperty(POSITION) position!: Position;
}

export class MemberReinstatedResponse implements MemberReinstatedResult {
  @ApiProperty({ enum: [false] }) suspended!: false;
  @ApiProperty(POSITION) position!: Position;
}
