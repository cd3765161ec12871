import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/index.js';
import { ApiProblem } from '../../common/openapi/problem-responses.js';
import type { Person } from './people/person.js';
import { PersonResponse } from './people/person.response.js';
import { GetPerson } from './queries/get-person/get-person.query.js';

@ApiTags('catalogue')
@Controller('people')
export class PeopleController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get(':idOrSlug')
  @ApiParam({
    name: 'idOrSlug',
    description: 'The person id (UUID) or their slug',
    example: 'cedric-klapisch',
  })
  @ApiOperation({ summary: 'One person and the films they directed and act in, newest first' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiProblem(404, 'No person has that id or slug')
  person(@Param('idOrSlug') reference: string): Promise<Person> {
    return this.queries.execute(new GetPerson(reference));
  }
}
