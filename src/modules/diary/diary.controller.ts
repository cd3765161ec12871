import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Public } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, BAD_FIELD, MEMBER_WRITE, NO_MEMBER } from '../../common/openapi/problem-responses.js';
import { CURSOR_MESSAGE, PageLimit, type Page } from '../../common/paging/index.js';
import { Satisfies } from '../../common/validation.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { USERNAME } from '../identity/accounts/username.param.js';
import { diaryProjection } from '../film-log/projections/diary.projection.js';
import { reviewsProjection } from '../reviews/projections/reviews.projection.js';
import { ChangeDiaryEntry, DeleteDiaryEntry, LogDiaryEntry } from './commands/diary.commands.js';
import { decodeDiaryCursor } from './diary-cursor.js';
import { ChangeDiaryEntryRequest, LogDiaryEntryRequest } from './diary.requests.js';
import {
  DiaryEntryChangedResponse,
  DiaryEntryDeletedResponse,
  DiaryEntryLoggedResponse,
  DiaryPageResponse,
  type DiaryEntry,
  type DiaryEntryChanged,
  type DiaryEntryDeleted,
  type DiaryEntryLogged,
} from './diary.response.js';
import { ListDiary } from './queries/list-diary.query.js';

export class DiaryPageRequest {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Satisfies(
    'isDiaryCursor',
    (value) => typeof value === 'string' && decodeDiaryCursor(value) !== null,
    CURSOR_MESSAGE,
  )
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 1870,
    maximum: 9999,
    example: 2024,
    description: 'Viewings of that year only',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1870)
  @Max(9999)
  year?: number;
}

const ENTRY_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The diary entry’s id' });
const NO_ENTRY = ApiProblem(404, 'No diary entry has that id');
const NOT_YOURS = ApiProblem(403, 'Another member’s entry, or the member is suspended');

@ApiTags('diary')
@Controller()
export class DiaryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('me/diary')
  @ApiOperation({
    summary:
      'Log a viewing in your diary; it checks the film, an earlier day becomes the film’s watchedOn, and its stars the film’s rating; a review given with it is posted on the film with those stars',
  })
  @ApiCreatedResponse({ type: DiaryEntryLoggedResponse })
  @ApiProblem(
    400,
    'An unknown film, a date that is not real or in the future, a bad rating or review, or an unknown field, named',
  )
  @MEMBER_WRITE
  log(@Actor() { user, context }: Actor, @Body() body: LogDiaryEntryRequest): Promise<DiaryEntryLogged> {
    return this.commands.execute(LogDiaryEntry.of(user.id, body, context));
  }

  @Public()
  @Get('users/:username/diary')
  @USERNAME
  @ConsistentRead(diaryProjection, reviewsProjection)
  @ApiOperation({ summary: 'A member’s diary, latest viewing first, paged by cursor' })
  @ApiOkResponse({ type: DiaryPageResponse })
  @ApiProblem(400, 'A bad year, limit or cursor, named')
  @NO_MEMBER
  diary(@Param('username') username: string, @Query() query: DiaryPageRequest): Promise<Page<DiaryEntry>> {
    return this.queries.execute(new ListDiary(username, query));
  }

  @Patch('diary/:id')
  @ENTRY_ID
  @ApiOperation({ summary: 'Change a diary entry: its day, rewatch flag or stars (new stars rate the film)' })
  @ApiOkResponse({ type: DiaryEntryChangedResponse })
  @BAD_FIELD
  @MEMBER_WRITE
  @NOT_YOURS
  @NO_ENTRY
  change(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: ChangeDiaryEntryRequest,
  ): Promise<DiaryEntryChanged> {
    return this.commands.execute(new ChangeDiaryEntry(user, id, body, context));
  }

  @Delete('diary/:id')
  @ENTRY_ID
  @ApiOperation({
    summary: 'Delete a diary entry; the film stays checked and rated, its date follows the rest',
  })
  @ApiOkResponse({ type: DiaryEntryDeletedResponse })
  @MEMBER_WRITE
  @NOT_YOURS
  @NO_ENTRY
  delete(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<DiaryEntryDeleted> {
    return this.commands.execute(new DeleteDiaryEntry(user, id, context));
  }
}
