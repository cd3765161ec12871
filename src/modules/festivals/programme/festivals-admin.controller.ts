import { Body, Controller, Delete, HttpCode, Param, Post, Put, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireRole } from '../../../common/auth/index.js';
import { ApiProblem, ADMINS_ONLY } from '../../../common/openapi/problem-responses.js';
import { AddScreening } from './commands/add-screening/add-screening.command.js';
import { AddScreeningRequest } from './commands/add-screening/add-screening.request.js';
import { PutEdition } from './commands/put-edition/put-edition.command.js';
import { PutEditionRequest } from './commands/put-edition/put-edition.request.js';
import { PutFestival } from './commands/put-festival/put-festival.command.js';
import { PutFestivalRequest } from './commands/put-festival/put-festival.request.js';
import { PutSelection } from './commands/put-selection/put-selection.command.js';
import { PutSelectionRequest } from './commands/put-selection/put-selection.request.js';
import { PutStrand } from './commands/put-strand/put-strand.command.js';
import { PutStrandRequest } from './commands/put-strand/put-strand.request.js';
import { RemoveScreening } from './commands/remove-screening/remove-screening.command.js';
import { RemoveSelection } from './commands/remove-selection/remove-selection.command.js';
import { FESTIVAL, NO_EDITION, YEAR } from './edition.param.js';
import type { Written } from './programme-resources.js';
import { ProgrammeRuleFilter } from './programme-rule.js';
import * as R from './programme.response.js';
import { filmReferenceParam } from '../../catalog/films/film-reference.param.js';

const FILM = filmReferenceParam('film');
const UPSERTED = ApiResponse({
  status: 201,
  description: 'Created (200 when it existed: updated or unchanged)',
});
const BAD_INPUT = ApiProblem(400, 'A bad, missing or unknown field (or path slug), named');

/** 201 when the write made the resource, else 200; the body is the resource either way. */
function answer<T>(response: FastifyReply, written: Written<T>): T {
  void response.code(written.outcome === 'created' ? 201 : 200);
  return written.resource;
}

/** Admins edit the programme: reference data, written at once (no events). */
@ApiTags('festivals')
@RequireRole('admin')
@UseFilters(ProgrammeRuleFilter)
@Controller()
export class FestivalsAdminController {
  constructor(private readonly commands: CommandBus) {}

  @Put('festivals/:festival')
  @FESTIVAL
  @ApiOperation({ summary: 'Create or rename a festival (admin); idempotent' })
  @ApiOkResponse({ type: R.FestivalResponse })
  @UPSERTED
  @BAD_INPUT
  @ADMINS_ONLY
  async festival(
    @Param('festival') slug: string,
    @Body() body: PutFestivalRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<R.FestivalResource> {
    return answer(response, await this.commands.execute(new PutFestival(slug, body)));
  }

  @Put('festivals/:festival/:year')
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary:
      'Create or change an edition (admin); a new time zone re-reads every screening’s local start, new dates may not leave screenings outside',
  })
  @ApiOkResponse({ type: R.EditionResponse })
  @UPSERTED
  @BAD_INPUT
  @ApiProblem(404, 'No such festival')
  @ApiProblem(
    422,
    'Screenings would fall outside the new dates (startsOn/endsOn named) or into a clock change (timeZone)',
  )
  @ADMINS_ONLY
  async edition(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Body() body: PutEditionRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<R.EditionResource> {
    return answer(response, await this.commands.execute(new PutEdition(festival, year, body)));
  }

  @Put('festivals/:festival/:year/strands/:strand')
  @FESTIVAL
  @YEAR
  @ApiParam({ name: 'strand', example: 'directors-showcase' })
  @ApiOperation({ summary: 'Create or rename a strand of an edition (admin); idempotent' })
  @ApiOkResponse({ type: R.StrandResponse })
  @UPSERTED
  @BAD_INPUT
  @NO_EDITION
  @ADMINS_ONLY
  async strand(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('strand') strand: string,
    @Body() body: PutStrandRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<R.StrandResource> {
    return answer(response, await this.commands.execute(new PutStrand(festival, year, strand, body)));
  }

  @Put('festivals/:festival/:year/films/:film')
  @FESTIVAL
  @YEAR
  @FILM
  @ApiOperation({ summary: 'Select a film for an edition, or change its selection (admin); idempotent' })
  @ApiOkResponse({ type: R.SelectionResponse })
  @UPSERTED
  @BAD_INPUT
  @ApiProblem(404, 'No such festival, edition or film')
  @ApiProblem(422, 'No such strand in the edition (code unknown-strand, strand named)')
  @ADMINS_ONLY
  async select(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('film') film: string,
    @Body() body: PutSelectionRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<R.SelectionResource> {
    return answer(response, await this.commands.execute(new PutSelection(festival, year, film, body)));
  }

  @Delete('festivals/:festival/:year/films/:film')
  @HttpCode(204)
  @FESTIVAL
  @YEAR
  @FILM
  @ApiOperation({ summary: 'Withdraw a film from an edition with all its screenings (admin)' })
  @ApiNoContentResponse({ description: 'Withdrawn; its screenings left every plan' })
  @ApiProblem(404, 'No such festival, edition or film, or the film is not selected')
  @ADMINS_ONLY
  unselect(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Param('film') film: string,
  ): Promise<void> {
    return this.commands.execute(new RemoveSelection(festival, year, film));
  }

  @Post('festivals/:festival/:year/screenings')
  @FESTIVAL
  @YEAR
  @ApiOperation({
    summary:
      'Schedule a screening of a selected film at a local start (admin); the same film, venue and start again is the same screening (200)',
  })
  @ApiCreatedResponse({ type: R.ScreeningResponse })
  @ApiOkResponse({ type: R.ScreeningResponse, description: 'That screening already existed' })
  @ApiProblem(400, 'A bad or missing field, named')
  @NO_EDITION
  @ApiProblem(
    422,
    'No film with that id or slug is selected (film named, code film-not-selected), or startsAt is outside the edition’s dates or skipped by a clock change (startsAt named)',
  )
  @ADMINS_ONLY
  async screening(
    @Param('festival') festival: string,
    @Param('year') year: string,
    @Body() body: AddScreeningRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<R.ScreeningResource> {
    return answer(response, await this.commands.execute(new AddScreening(festival, year, body)));
  }

  @Delete('screenings/:id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: 'Cancel a screening (admin); it leaves every plan' })
  @ApiNoContentResponse({ description: 'Cancelled' })
  @ApiProblem(404, 'No screening has that id')
  @ADMINS_ONLY
  cancel(@Param('id') id: string): Promise<void> {
    return this.commands.execute(new RemoveScreening(id));
  }
}
