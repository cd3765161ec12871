import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { Page } from '../../common/paging/index.js';

export interface FollowResult {
  readonly following: boolean;
  readonly position: Position;
}

export interface ProfileCounts {
  readonly checked: number;
  readonly favourites: number;
  readonly dislikes: number;
  readonly watchlist: number;
  readonly followers: number;
  readonly following: number;
  readonly comments: number;
  readonly ratings: number;
  readonly diaryEntries: number;
  readonly reviews: number;
}

export interface Profile {
  readonly id: string;
  readonly username: string;
  readonly joinedAt: string;
  readonly counts: ProfileCounts;
}

export interface FollowEntry {
  readonly user: { readonly id: string; readonly username: string };
  readonly followedAt: string;
}

export class FollowResultResponse implements FollowResult {
  @ApiProperty({ description: 'Whether the signed-in member now follows them' }) following!: boolean;
  @ApiProperty({ description: 'Consistency token: send it as X-Consistent-With to read this write' })
  position!: string;
}

export class ProfileCountsResponse implements ProfileCounts {
  @ApiProperty({ description: 'Films checked' }) checked!: number;
  @ApiProperty() favourites!: number;
  @ApiProperty() dislikes!: number;
  @ApiProperty({ description: 'Films on the watchlist' }) watchlist!: number;
  @ApiProperty({ description: 'Members who follow them' }) followers!: number;
  @ApiProperty({ description: 'Members they follow' }) following!: number;
  @ApiProperty({ description: 'Comments written' }) comments!: number;
  @ApiProperty({ description: 'Films rated' }) ratings!: number;
  @ApiProperty({ description: 'Viewings in their diary' }) diaryEntries!: number;
  @ApiProperty({ description: 'Reviews written (visible ones)' }) reviews!: number;
}

export class ProfileResponse implements Profile {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'filmlovepenguin' }) username!: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ type: ProfileCountsResponse }) counts!: ProfileCountsResponse;
}

export class MemberSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
}

export class FollowEntryResponse implements FollowEntry {
  @ApiProperty({ type: MemberSummaryResponse }) user!: MemberSummaryResponse;
  @ApiProperty({ format: 'date-time', description: 'When the current follow began' }) followedAt!: string;
}

export class FollowPageResponse implements Page<FollowEntry> {
  @ApiProperty({ type: [FollowEntryResponse], description: 'Newest follow first' })
  items!: FollowEntryResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null at the end',
  })
  nextCursor!: string | null;
}
