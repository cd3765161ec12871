import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Satisfies } from '../../common/validation.js';
import { COMMENT_BODY_MAX } from './domain/comment.decider.js';
import { COMMENT_BODY_MESSAGE, isCommentBody } from './domain/comment-text.js';

/** The body of a new or edited comment; stored trimmed, returned as plain text. */
export class CommentBodyRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: COMMENT_BODY_MAX,
    example: 'The last ten minutes are worth the whole film.',
    description: `Plain text (never rendered as HTML), 1 to ${COMMENT_BODY_MAX} characters after trimming`,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Satisfies('isCommentBody', isCommentBody, COMMENT_BODY_MESSAGE)
  body!: string;
}
