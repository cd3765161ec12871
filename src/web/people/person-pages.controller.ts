import { Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetPerson } from '../../modules/catalog/queries/get-person/get-person.query.js';
import { postersOf } from '../http/page-posters.js';
import { WebPages, view } from '../http/web-page.js';
import { PersonView } from './person-views.js';

/** A person's page: the same query as GET /api/v1/people/:idOrSlug (an unknown one is the 404 page). */
@WebPages()
export class PersonPagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('person/:slug')
  async person(@Param('slug') reference: string) {
    const person = await this.queries.execute(new GetPerson(reference));
    const posters = await postersOf(this.queries, [...person.directed, ...person.cast]);
    return view(PersonView, { person, posters });
  }
}
