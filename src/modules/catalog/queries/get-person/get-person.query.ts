import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { isUuid } from '../../../../common/uuid.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { Person, PersonFilm } from '../../people/person.js';
import { PersonNotFoundException } from '../../people/person-errors.js';

/** A person by id or slug; anything else (a malformed id included) is not found. */
export class GetPerson extends Query<Person> {
  constructor(readonly reference: string) {
    super();
  }
}

interface PersonRow {
  id: string;
  slug: string;
  name: string;
  directed: PersonFilm[];
  cast: PersonFilm[];
}

const films = (role: 'director' | 'cast'): string => `coalesce((
    SELECT json_agg(json_build_object('id', f.id, 'slug', f.slug, 'title', f.title, 'year', f.year)
             ORDER BY f.year DESC NULLS LAST, f.title, f.id)
      FROM films f
     WHERE f.id IN (SELECT c.film_id FROM film_credits c WHERE c.person_id = p.id AND c.role = '${role}')
  ), '[]')`;

const PERSON = (where: string): string => `
  SELECT p.id, p.slug, p.name, ${films('director')} AS directed, ${films('cast')} AS "cast"
    FROM people p WHERE ${where}`;

const PERSON_BY_ID = PERSON('p.id = $1::uuid');
const PERSON_BY_SLUG = PERSON('p.slug = $1');

@QueryHandler(GetPerson)
export class GetPersonHandler implements IQueryHandler<GetPerson> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ reference }: GetPerson): Promise<Person> {
    const byId = isUuid(reference);
    const { rows } = await this.pool.query<PersonRow>({
      name: byId ? 'catalog-person-by-id' : 'catalog-person-by-slug',
      text: byId ? PERSON_BY_ID : PERSON_BY_SLUG,
      values: [byId ? reference.toLowerCase() : reference],
    });
    const row = rows[0];
    if (!row) throw new PersonNotFoundException(reference);
    return { id: row.id, slug: row.slug, name: row.name, directed: row.directed, cast: row.cast };
  }
}
