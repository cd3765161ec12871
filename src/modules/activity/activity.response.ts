import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../common/paging/index.js';
import { ACTIVITY_VERBS, type ActivityVerb } from './activity-verbs.js';

export interface MemberRef {
  readonly id: string;
  readonly username: string;
}

export interface FilmRef {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

/** One thing a member did to a film, as a film's page shows it. */
export interface FilmActivityItem {
  readonly actor: MemberRef;
  readonly verb: ActivityVerb;
  readonly occurredAt: string;
  /** The stars, on a `rated` item only. */
  readonly rating?: number;
}

/** One thing a member did, with the film: the feed and a member's activity. */
export interface FeedItem extends FilmActivityItem {
  readonly film: FilmRef;
}

/** A followed member who checked the film, with their marks on it. */
export interface FriendCheck {
  readonly user: MemberRef;
  readonly checkedAt: string;
  readonly favourite: boolean;
  readonly disliked: boolean;
}

export interface MemberCheck {
  readonly film: FilmRef;
  readonly checkedAt: string;
  readonly watchedOn: string | null;
  readonly favourite: boolean;
  readonly disliked: boolean;
}

export interface MemberFavourite {
  readonly film: FilmRef;
  readonly favouritedAt: string;
}

export interface MemberWatchlistEntry {
  readonly film: FilmRef;
  readonly addedAt: string;
}

const NEXT_CURSOR = {
  type: String,
  nullable: true,
  description: 'Pass as ?cursor= for the next page; null on the last',
} as const;
const INSTANT = { type: String, format: 'date-time' } as const;

export class MemberRefResponse implements MemberRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cedric' }) username!: string;
}

export class FilmRefResponse implements FilmRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
}

export class FilmActivityItemResponse implements FilmActivityItem {
  @ApiProperty({ type: MemberRefResponse }) actor!: MemberRefResponse;
  @ApiProperty({ enum: ACTIVITY_VERBS }) verb!: ActivityVerb;
  @ApiProperty({ ...INSTANT, description: 'When it was done (an import keeps the original date)' })
  occurredAt!: string;
  @ApiProperty({ required: false, example: 4.5, description: 'On a `rated` item: the stars, 0.5 to 5' })
  rating?: number;
}

export class FeedItemResponse extends FilmActivityItemResponse implements FeedItem {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
}

export class FriendCheckResponse implements FriendCheck {
  @ApiProperty({ type: MemberRefResponse }) user!: MemberRefResponse;
  @ApiProperty(INSTANT) checkedAt!: string;
  @ApiProperty() favourite!: boolean;
  @ApiProperty() disliked!: boolean;
}

export class MemberCheckResponse implements MemberCheck {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
  @ApiProperty(INSTANT) checkedAt!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the member saw it' })
  watchedOn!: string | null;
  @ApiProperty() favourite!: boolean;
  @ApiProperty() disliked!: boolean;
}

export class MemberFavouriteResponse implements MemberFavourite {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
  @ApiProperty(INSTANT) favouritedAt!: string;
}

export class MemberWatchlistEntryResponse implements MemberWatchlistEntry {
  @ApiProperty({ type: FilmRefResponse }) film!: FilmRefResponse;
  @ApiProperty(INSTANT) addedAt!: string;
}

export class FilmActivityPageResponse implements Page<FilmActivityItem> {
  @ApiProperty({ type: [FilmActivityItemResponse] }) items!: FilmActivityItemResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class FeedPageResponse implements Page<FeedItem> {
  @ApiProperty({ type: [FeedItemResponse] }) items!: FeedItemResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class FriendCheckPageResponse implements Page<FriendCheck> {
  @ApiProperty({ type: [FriendCheckResponse] }) items!: FriendCheckResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class MemberCheckPageResponse implements Page<MemberCheck> {
  @ApiProperty({ type: [MemberCheckResponse] }) items!: MemberCheckResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class MemberFavouritePageResponse implements Page<MemberFavourite> {
  @ApiProperty({ type: [MemberFavouriteResponse] }) items!: MemberFavouriteResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}

export class MemberWatchlistPageResponse implements Page<MemberWatchlistEntry> {
  @ApiProperty({ type: [MemberWatchlistEntryResponse] }) items!: MemberWatchlistEntryResponse[];
  @ApiProperty(NEXT_CURSOR) nextCursor!: string | null;
}
