import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Position } from '#event-store';
import type { Page } from '../../common/paging/index.js';
import { PosterResponse, type Poster } from '../catalog/posters/poster.js';
import { LIST_VISIBILITIES, type ListVisibility } from './domain/list.events.js';
import type { Award, ListProgress } from './domain/progress.js';

export interface ListOwner {
  readonly id: string;
  readonly username: string;
}

export interface ListFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
  readonly poster: Poster | null;
}

export interface ListItem {
  /** Left out on an unranked list. */
  readonly rank?: number;
  readonly film: ListFilm;
  /** Left out when the film has no note. */
  readonly note?: string;
}

/** A list as a listing shows it. */
export interface ListSummary {
  readonly id: string;
  readonly title: string;
  readonly owner: ListOwner;
  readonly ranked: boolean;
  readonly official: boolean;
  readonly visibility: ListVisibility;
  readonly size: number;
  /** The signed-in reader's own; left out for anonymous readers. */
  readonly progress?: ListProgress;
}

/** A public list as the lists index shows it. */
export interface PublicListSummary extends ListSummary {
  /** Members other than its owner who have seen at least one of its films (docs/adr/0020). */
  readonly viewers: number;
}

export interface ListDetail extends ListSummary {
  readonly description: string | null;
  readonly edition: number;
  readonly items: readonly ListItem[];
  readonly nextCursor: string | null;
}

export interface FilmListMembership {
  readonly list: {
    readonly id: string;
    readonly title: string;
    readonly size: number;
    readonly official: true;
  };
  /** The film's rank in the list; null on an unranked list. */
  readonly rank: number | null;
}

export interface FilmLists {
  readonly currentCount: number;
  readonly everCount: number;
  readonly items: readonly FilmListMembership[];
}

export interface ListWritten {
  readonly id: string;
  readonly position: Position;
}

export interface ListDeleted {
  readonly id: string;
  readonly deleted: true;
  readonly position: Position;
}

export interface ListItemPut {
  readonly rank: number | null;
  readonly size: number;
  readonly position: Position;
}

export interface ListItemRemoved {
  readonly size: number;
  readonly position: Position;
}

export interface ListEditionWritten {
  readonly edition: number;
  readonly size: number;
  readonly position: Position;
}

const POSITION = {
  description: 'Consistency token: send it as X-Consistent-With to read this write',
} as const;
const SIZE = { description: 'Films in the list now', example: 12 } as const;

export class ListOwnerResponse implements ListOwner {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'cedric' }) username!: string;
}

export class ListFilmResponse implements ListFilm {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
  @ApiProperty({ type: PosterResponse, nullable: true, description: 'Null when the film has none' })
  poster!: PosterResponse | null;
}

export class ListItemResponse implements ListItem {
  @ApiPropertyOptional({ minimum: 1, description: '1..size without gaps; absent on an unranked list' })
  rank?: number;
  @ApiProperty({ type: ListFilmResponse }) film!: ListFilmResponse;
  @ApiPropertyOptional({ description: 'The owner’s note on the film; absent when none' }) note?: string;
}

export class ListProgressResponse implements ListProgress {
  @ApiProperty({ description: 'Films of the list the reader checked' }) checked!: number;
  @ApiProperty({ description: 'Films in the list' }) total!: number;
  @ApiProperty({ description: 'checked / total in percent, one decimal, halves up', example: 75.5 })
  percent!: number;
  @ApiProperty({
    enum: ['bronze', 'silver', 'gold', 'platinum'],
    nullable: true,
    description: 'bronze ≥ 50 %, silver ≥ 75 %, gold ≥ 90 %, platinum 100 %, judged on the exact ratio',
  })
  award!: Award | null;
}

export class ListSummaryResponse implements ListSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Films to see at Cannes' }) title!: string;
  @ApiProperty({ type: ListOwnerResponse }) owner!: ListOwnerResponse;
  @ApiProperty() ranked!: boolean;
  @ApiProperty({ description: 'Curated by the admins; always public' }) official!: boolean;
  @ApiProperty({ enum: LIST_VISIBILITIES }) visibility!: ListVisibility;
  @ApiProperty(SIZE) size!: number;
  @ApiPropertyOptional({
    type: ListProgressResponse,
    description: 'The signed-in reader’s own progress; absent for anonymous readers',
  })
  progress?: ListProgressResponse;
}

export class ListDetailResponse extends ListSummaryResponse implements ListDetail {
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ description: 'Editions published (official lists); 0 before the first' }) edition!: number;
  @ApiProperty({ type: [ListItemResponse], description: 'In rank order (insertion order when unranked)' })
  items!: ListItemResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next items; null on the last page',
  })
  nextCursor!: string | null;
}

export class ListSummaryPageResponse implements Page<ListSummary> {
  @ApiProperty({ type: [ListSummaryResponse], description: 'Newest first' }) items!: ListSummaryResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last',
  })
  nextCursor!: string | null;
}

export class PublicListSummaryResponse extends ListSummaryResponse implements PublicListSummary {
  @ApiProperty({
    example: 42,
    description: 'Members other than its owner who have seen at least one of its films',
  })
  viewers!: number;
}

export class PublicListPageResponse implements Page<PublicListSummary> {
  @ApiProperty({
    type: [PublicListSummaryResponse],
    description: 'Newest first, or with sort=popular most viewers first; ties by id',
  })
  items!: PublicListSummaryResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= (with the same sort) for the next page; null on the last',
  })
  nextCursor!: string | null;
}

class FilmListReferenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty(SIZE) size!: number;
  @ApiProperty({ enum: [true] }) official!: true;
}

export class FilmListMembershipResponse implements FilmListMembership {
  @ApiProperty({ type: FilmListReferenceResponse }) list!: FilmListReferenceResponse;
  @ApiProperty({ type: Number, nullable: true, description: 'The film’s rank; null on an unranked list' })
  rank!: number | null;
}

export class FilmListsResponse implements FilmLists {
  @ApiProperty({ description: 'Official lists the film is in now', example: 8 }) currentCount!: number;
  @ApiProperty({ description: 'Official lists that ever included it, now included', example: 11 })
  everCount!: number;
  @ApiProperty({ type: [FilmListMembershipResponse], description: 'The current ones, by list title' })
  items!: FilmListMembershipResponse[];
}

export class ListWrittenResponse implements ListWritten {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(POSITION) position!: string;
}

export class ListDeletedResponse implements ListDeleted {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty(POSITION) position!: string;
}

export class ListItemPutResponse implements ListItemPut {
  @ApiProperty({ type: Number, nullable: true, description: 'Where the film is now; null when unranked' })
  rank!: number | null;
  @ApiProperty(SIZE) size!: number;
  @ApiProperty(POSITION) position!: string;
}

export class ListItemRemovedResponse implements ListItemRemoved {
  @ApiProperty(SIZE) size!: number;
  @ApiProperty(POSITION) position!: string;
}

export class ListEditionWrittenResponse implements ListEditionWritten {
  @ApiProperty({ description: 'The edition number, from 1' }) edition!: number;
  @ApiProperty(SIZE) size!: number;
  @ApiProperty(POSITION) position!: string;
}
