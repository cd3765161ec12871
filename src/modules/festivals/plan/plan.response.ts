import { ApiProperty } from '@nestjs/swagger';
import type { Position } from '#event-store';
import { PLAN_VISIBILITIES, type PlanVisibility } from '../domain/plan.events.js';

export interface PlanFilm {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly year: number | null;
}

export interface PlanScreening {
  readonly id: string;
  readonly film: PlanFilm;
  readonly venue: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface PlanItem {
  readonly screening: PlanScreening;
  readonly clashesWith: readonly string[];
}

/** A member's plan for one edition, as every plan read and write answers it. */
export interface PlanView {
  readonly visibility: PlanVisibility;
  readonly items: readonly PlanItem[];
  readonly films: number;
  readonly discountedFilms: number;
  readonly bulkDiscount: { readonly minFilms: number; readonly percent: number } | null;
  readonly total: { readonly amount: string; readonly currency: string } | null;
}

export interface PlanWritten {
  readonly plan: PlanView;
  readonly position: Position;
}

export interface ScreeningFriends {
  readonly items: readonly { readonly user: { readonly id: string; readonly username: string } }[];
}

export class PlanFilmResponse implements PlanFilm {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'paris-2008' }) slug!: string;
  @ApiProperty({ example: 'Paris' }) title!: string;
  @ApiProperty({ type: Number, nullable: true, example: 2008 }) year!: number | null;
}

export class PlanScreeningResponse implements PlanScreening {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: PlanFilmResponse }) film!: PlanFilmResponse;
  @ApiProperty({ example: 'Filmhouse 1' }) venue!: string;
  @ApiProperty({
    format: 'date-time',
    example: '2016-06-18T00:30:00+01:00',
    description: 'With the offset in force in the edition’s time zone at that instant',
  })
  startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Start + the film’s runtime (120 minutes when unknown)' })
  endsAt!: string;
}

export class PlanItemResponse implements PlanItem {
  @ApiProperty({ type: PlanScreeningResponse }) screening!: PlanScreeningResponse;
  @ApiProperty({
    type: [String],
    description:
      'Ids of the other planned screenings whose [startsAt, endsAt) overlaps this one’s, by start; a screening ending as another starts does not clash',
  })
  clashesWith!: string[];
}

export class BulkDiscountResponse {
  @ApiProperty({ example: 6 }) minFilms!: number;
  @ApiProperty({ example: 25 }) percent!: number;
}

export class PlanTotalResponse {
  @ApiProperty({ example: '49.27', description: 'Two decimals, in the currency’s major unit' })
  amount!: string;
  @ApiProperty({ example: 'GBP' }) currency!: string;
}

export class PlanResponse implements PlanView {
  @ApiProperty({
    enum: PLAN_VISIBILITIES,
    description: 'Who sees the plan (the lists’ rule); private by default',
  })
  visibility!: PlanVisibility;
  @ApiProperty({
    type: [PlanItemResponse],
    description: 'The planned screenings by start; a screening deleted from the programme leaves the plan',
  })
  items!: PlanItemResponse[];
  @ApiProperty({ description: 'Distinct films planned' }) films!: number;
  @ApiProperty({ description: 'Distinct films planned that are not an opening or closing gala' })
  discountedFilms!: number;
  @ApiProperty({
    type: BulkDiscountResponse,
    nullable: true,
    description: 'The edition’s tier with the largest minFilms ≤ discountedFilms, if any',
  })
  bulkDiscount!: BulkDiscountResponse | null;
  @ApiProperty({
    type: PlanTotalResponse,
    nullable: true,
    description:
      'The ticket price × planned screenings, less the tier’s percent of the non-gala screenings (repeats included), rounded half-up once on the sum; null when the edition has no ticket price',
  })
  total!: PlanTotalResponse | null;
}

export class PlanWrittenResponse implements PlanWritten {
  @ApiProperty({ type: PlanResponse }) plan!: PlanResponse;
  @ApiProperty({ description: 'Consistency token: send it as X-Consistent-With to read this write' })
  position!: string;
}

export class CalendarUrlResponse {
  @ApiProperty({
    example: 'https://filmlog.example/api/v1/festival-calendars/3q2-…-xZ.ics',
    description: 'A private subscription URL serving the plan’s calendar without a token; keep it secret',
  })
  url!: string;
}

class FriendResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
}

class ScreeningFriendResponse {
  @ApiProperty({ type: FriendResponse }) user!: FriendResponse;
}

export class ScreeningFriendsResponse implements ScreeningFriends {
  @ApiProperty({ type: [ScreeningFriendResponse], description: 'By username' })
  items!: ScreeningFriendResponse[];
}
