import type { QueryBus } from '@nestjs/cqrs';
import { GetPosters, type PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';

/** The posters of the films a page shows, looked up together once its rows are read. */
export const postersOf = (queries: QueryBus, films: Iterable<{ readonly id: string }>): Promise<PosterMap> =>
  queries.execute(new GetPosters(Array.from(films, (film) => film.id)));
