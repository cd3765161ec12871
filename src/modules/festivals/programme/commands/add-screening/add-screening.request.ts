import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Satisfies } from '../../../../../common/validation.js';
import { isVenue, Trimmed, VENUE_MAX } from '../../programme-input.js';

const LOCAL_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export class AddScreeningRequest {
  @ApiProperty({ example: 'paris-2008', description: 'The film (id or slug); it must be selected' })
  @IsString()
  film!: string;

  @ApiProperty({ maxLength: VENUE_MAX, example: 'Filmhouse 1' })
  @Trimmed()
  @Satisfies('isVenue', isVenue, `venue must be text of 1 to ${VENUE_MAX} characters`)
  venue!: string;

  @ApiProperty({
    example: '2008-08-16T00:30',
    description:
      'Local wall-clock time in the edition’s zone, YYYY-MM-DDTHH:mm; its local date must be in the edition',
  })
  @Satisfies(
    'isLocalStart',
    (value) => typeof value === 'string' && LOCAL_START.test(value),
    'startsAt must be a local time YYYY-MM-DDTHH:mm',
  )
  startsAt!: string;
}
