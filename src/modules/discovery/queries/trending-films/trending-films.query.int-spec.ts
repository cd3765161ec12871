import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, testEvent, type Write } from '#testing';
import { filmLogStream } from '../../../film-log/domain/film-log.events.js';
import { addDays } from '../../domain/popularity-period.js';
import { popularityProjection } from '../../projections/popularity.projection.js';
import { TrendingFilms, TrendingFilmsHandler } from './trending-films.query.js';

const TODAY = '2029-06-30';

const checkedOn = (day: string): NewEvent =>
  testEvent('FilmChecked', { watchedOn: null }, { occurredAt: `${day}T12:00:00.000Z` });

describe('trending films on the window edges', () => {
  let site: ProjectionSite;
  const films: Record<'week' | 'before' | 'both', string> = {
    week: randomUUID(),
    before: randomUUID(),
    both: randomUUID(),
  };
  /** Checks of a film by fresh members, `count` on each day given as days before today. */
  const checks = (film: string, daysAgo: number, count: number): Write[] =>
    Array.from({ length: count }, () => [
      filmLogStream(randomUUID(), film),
      [checkedOn(addDays(TODAY, -daysAgo))],
    ]);
  const trending = async (day: string) => {
    const handler = new TrendingFilmsHandler(site.pool);
    const page = await handler.execute(new TrendingFilms({ limit: 20 }, new Date(`${day}T08:00:00.000Z`)));
    return page.items.map((item) => [item.film.title, item.weekMarks, item.earlierMarks, item.score]);
  };

  beforeAll(async () => {
    site = await ProjectionSite.open([popularityProjection]);
    for (const [name, id] of Object.entries(films))
      await site.rows(
        `INSERT INTO films (id, slug, title, search_text, title_key) VALUES ($1, $2, $2, $2, $2)`,
        [id, name],
      );
    // The last mark is yesterday's: today the counters lag a day and the windows are summed from
    // the days; asked as of yesterday, the counters are read.
    await site.project([
      ...checks(films.week, 6, 3),
      ...checks(films.before, 7, 3),
      ...checks(films.both, 1, 3),
      ...checks(films.both, 29, 2),
      ...checks(films.both, 30, 1),
    ]);
  });

  afterAll(async () => {
    await site.close();
  });

  it('counts 7 days to today as the week and the 23 before as earlier, from the days when the clock lags', async () => {
    expect(await trending(TODAY)).toEqual([
      ['week', 3, 0, 3],
      ['both', 3, 2, 2.39],
    ]);
  });

  it('reads the same windows from the counters when they end on the day asked', async () => {
    const tied = [films.week, films.before].sort().reverse();
    const name = (id: string) => (id === films.week ? 'week' : 'before');
    expect(await trending(addDays(TODAY, -1))).toEqual([
      [name(tied[0]!), 3, 0, 3],
      [name(tied[1]!), 3, 0, 3],
      ['both', 3, 3, 2.09],
    ]);
  });
});
