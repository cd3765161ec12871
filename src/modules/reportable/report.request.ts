import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Satisfies } from '../../common/validation.js';
import { REPORT_REASONS, type ReportReason } from './domain/reportable.js';
import { isReportNote, REPORT_NOTE_MAX, REPORT_NOTE_MESSAGE } from './domain/report-note.js';

/** A report of a comment or a review: the reason, and a note for the moderators. */
export class ReportRequest {
  @ApiProperty({ enum: REPORT_REASONS, example: 'spoiler' })
  @IsIn(REPORT_REASONS, { message: `reason must be one of ${REPORT_REASONS.join(', ')}` })
  reason!: ReportReason;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: REPORT_NOTE_MAX,
    description: 'Anything the moderators should know',
  })
  @IsOptional()
  @Satisfies('isReportNote', isReportNote, REPORT_NOTE_MESSAGE)
  note?: string | null;
}
