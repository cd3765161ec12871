import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, Max, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { Satisfies } from '../../../../../common/validation.js';
import { isLocalDate, isTimeZone } from '../../../domain/festival-time.js';
import { AMOUNT_MESSAGE, isAmount, isCurrency } from '../../programme-input.js';

export class TicketPriceRequest {
  @ApiProperty({ example: '10.95', description: 'Two decimals, as text, so no rounding creeps in' })
  @Satisfies('isAmount', isAmount, `amount ${AMOUNT_MESSAGE}`)
  amount!: string;

  @ApiProperty({ example: 'GBP', description: 'ISO 4217, three capital letters' })
  @Satisfies('isCurrency', isCurrency, 'currency must be three capital letters (ISO 4217), e.g. "GBP"')
  currency!: string;
}

export class BulkDiscountRequest {
  @ApiProperty({
    minimum: 1,
    maximum: 10_000,
    example: 6,
    description: 'Films (galas aside) a plan needs for this tier',
  })
  @IsInt()
  @Min(1)
  @Max(10_000)
  minFilms!: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 25 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;
}

export class PutEditionRequest {
  @ApiProperty({ example: '2008-08-13', description: 'First day, YYYY-MM-DD' })
  @Satisfies(
    'isLocalDate',
    (value) => typeof value === 'string' && isLocalDate(value),
    'startsOn must be a date YYYY-MM-DD',
  )
  startsOn!: string;

  @ApiProperty({ example: '2008-08-24', description: 'Last day (included), not before startsOn' })
  @Satisfies(
    'isLocalDate',
    (value) => typeof value === 'string' && isLocalDate(value),
    'endsOn must be a date YYYY-MM-DD',
  )
  endsOn!: string;

  @ApiProperty({
    example: 'Europe/London',
    description: 'IANA zone; changing it re-reads every screening’s local start in the new zone',
  })
  @Satisfies(
    'isTimeZone',
    (value) => typeof value === 'string' && isTimeZone(value),
    'timeZone must be an IANA time zone, e.g. "Europe/London"',
  )
  timeZone!: string;

  @ApiPropertyOptional({ type: TicketPriceRequest, nullable: true, description: 'Absent or null: no price' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TicketPriceRequest)
  ticketPrice?: TicketPriceRequest | null;

  @ApiPropertyOptional({ type: [BulkDiscountRequest], description: 'Tiers; absent means none' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BulkDiscountRequest)
  bulkDiscounts?: BulkDiscountRequest[];
}
