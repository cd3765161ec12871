import { normaliseGenre } from '../domain/normalise.js';

/** The filters every film listing takes (GET /films, GET /films/popular), as validated. */
export interface FilmFilters {
  readonly year?: number;
  /** A year ending in 0: films released in it and the nine years after. */
  readonly decade?: number;
  readonly genre?: string;
  readonly language?: string;
  readonly country?: string;
}

/** Parameters are numbered as they are added, so only the filters given appear in the SQL. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** Each filter is one indexed condition: btree on year, GIN on the arrays. */
export function filmFilterConditions(search: FilmFilters, params: SqlParameters, alias = 'f'): string[] {
  const conditions: string[] = [];
  if (search.year !== undefined) conditions.push(`${alias}.year = ${params.add(search.year, 'int')}`);
  if (search.decade !== undefined) {
    const from = params.add(search.decade, 'int');
    conditions.push(`${alias}.year BETWEEN ${from} AND ${from} + 9`);
  }
  if (search.genre !== undefined)
    conditions.push(`${alias}.genres @> ARRAY[${params.add(normaliseGenre(search.genre), 'text')}]`);
  if (search.language !== undefined)
    conditions.push(`${alias}.languages @> ARRAY[${params.add(search.language.toLowerCase(), 'text')}]`);
  if (search.country !== undefined)
    conditions.push(`${alias}.countries @> ARRAY[${params.add(search.country.toUpperCase(), 'text')}]`);
  return conditions;
}
