import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { datesBetween, zonedStart } from '../../src/modules/festivals/domain/festival-time.js';
import type { FestivalBenchOptions } from './options.js';

/** The bench's festival, as its URLs name it. */
export const FESTIVAL_SLUG = 'benchfest';
const TIME_ZONE = 'Europe/London';
const TICKET_PRICE_MINOR = 1_095;
const BULK_DISCOUNTS = [
  { minFilms: 6, percent: 25 },
  { minFilms: 10, percent: 35 },
];

const STRANDS = [
  ['galas', 'Galas'],
  ['directors-showcase', "Directors' Showcase"],
  ['world-perspectives', 'World Perspectives'],
  ['documentaries', 'Documentaries'],
  ['animation', 'Animation'],
  ['night-moves', 'Night Moves'],
  ['first-features', 'First Features'],
  ['retrospective', 'Retrospective'],
] as const;

const VENUES = [
  'Filmhouse 1',
  'Filmhouse 2',
  'Filmhouse 3',
  'Cineworld 1',
  'Cineworld 2',
  'Cineworld 3',
  'Festival Theatre',
  'Traverse',
  'Odeon Lothian Road',
  'Vue Omni 5',
];

/** Local starts across the day, and one after midnight (which belongs to its own date). */
const TIMES = [
  '00:30',
  '10:00',
  '11:15',
  '12:30',
  '13:45',
  '15:00',
  '16:30',
  '18:00',
  '18:45',
  '20:15',
  '21:00',
  '22:45',
];

const PREMIERES = ['world', 'international', 'european', 'uk', 'scottish'] as const;

export interface BenchScreening {
  readonly id: string;
  readonly filmId: string;
  readonly localDate: string;
}

export interface BenchEdition {
  readonly id: string;
  readonly festival: string;
  readonly year: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly days: readonly string[];
  /** In the order drawn: a plan draws the first ones more often (the popular screenings). */
  readonly screenings: readonly BenchScreening[];
  /** Screenings that start on each festival day. */
  readonly screeningsByDay: Readonly<Record<string, number>>;
}

export interface ProgrammeFigures {
  readonly films: number;
  readonly strands: number;
  readonly screenings: number;
  readonly days: number;
  readonly seconds: number;
}

const isoDate = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/**
 * The edition of next year's August, straight with SQL as the admin API would leave it (the
 * programme is reference data, not events): the festival, its edition with a ticket price and
 * bulk tiers, strands, the selection of the first `editionFilms` films (the first opens the
 * edition, the second closes it) and the screenings, at least one per film, their instants and
 * festival days computed in the edition's zone by the service's own zonedStart.
 */
export async function fillProgramme(
  url: string,
  options: Pick<FestivalBenchOptions, 'editionFilms' | 'screenings' | 'days'>,
  filmIds: readonly string[],
): Promise<{ edition: BenchEdition; figures: ProgrammeFigures }> {
  const begin = performance.now();
  const random = new SeededRandom(2_017_0816);
  const year = new Date().getUTCFullYear() + 1;
  const startsOn = isoDate(year, 8, 6);
  const endsOn = isoDate(year, 8, 5 + options.days);
  const days = datesBetween(startsOn, endsOn);
  const festivalId = randomUUID();
  const editionId = randomUUID();
  const strands = STRANDS.map(([slug, name]) => ({ id: randomUUID(), slug, name }));
  const selected = filmIds.slice(0, options.editionFilms);

  const selections = selected.map((filmId, index) => ({
    filmId,
    strandId: index < 2 ? strands[0]!.id : strands[1 + (index % (strands.length - 1))]!.id,
    premiere: random.chance(0.4) ? random.pick(PREMIERES) : null,
    gala: index === 0 ? 'opening' : index === 1 ? 'closing' : null,
    note: random.chance(0.5) ? `Programme note ${index + 1}.` : null,
  }));

  // Every film once, the galas on the first and last evenings; then the rest at random.
  const screeningFilms = [
    ...selected,
    ...Array.from({ length: options.screenings - selected.length }, () => random.pick(selected.slice(2))),
  ];
  const screenings = screeningFilms.map((filmId, index) => {
    const [date, time] =
      index === 0
        ? [startsOn, '19:00']
        : index === 1
          ? [endsOn, '19:30']
          : [random.pick(days), random.pick(TIMES)];
    const localStart = `${date}T${time}`;
    const { instant, localDate } = zonedStart(localStart, TIME_ZONE);
    return { id: randomUUID(), filmId, venue: random.pick(VENUES), localStart, instant, localDate };
  });
  const order = screenings
    .map((screening) => ({ screening, key: random.next() }))
    .sort((a, b) => a.key - b.key);

  const client = new pg.Client({ connectionString: url, application_name: 'filmlog-bench-programme' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`INSERT INTO festivals (id, slug, name, description) VALUES ($1, $2, $3, $4)`, [
      festivalId,
      FESTIVAL_SLUG,
      'Bench International Film Festival',
      'The festival bench:festival measures.',
    ]);
    await client.query(
      `INSERT INTO festival_editions
         (id, festival_id, year, starts_on, ends_on, time_zone, ticket_price_minor, ticket_currency, bulk_discounts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'GBP', $8::jsonb)`,
      [
        editionId,
        festivalId,
        year,
        startsOn,
        endsOn,
        TIME_ZONE,
        TICKET_PRICE_MINOR,
        JSON.stringify(BULK_DISCOUNTS),
      ],
    );
    await client.query(
      `INSERT INTO festival_strands (id, edition_id, slug, name, description)
       SELECT id, $1, slug, name, NULL FROM unnest($2::uuid[], $3::text[], $4::text[]) AS s(id, slug, name)`,
      [editionId, strands.map((s) => s.id), strands.map((s) => s.slug), strands.map((s) => s.name)],
    );
    await client.query(
      `INSERT INTO festival_selections (edition_id, film_id, strand_id, premiere, gala, note)
       SELECT $1, film_id, strand_id, premiere, gala, note
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
         AS s(film_id, strand_id, premiere, gala, note)`,
      [
        editionId,
        selections.map((s) => s.filmId),
        selections.map((s) => s.strandId),
        selections.map((s) => s.premiere),
        selections.map((s) => s.gala),
        selections.map((s) => s.note),
      ],
    );
    await client.query(
      `INSERT INTO festival_screenings (id, edition_id, film_id, venue, local_start, starts_at, local_date)
       SELECT id, $1, film_id, venue, local_start, starts_at, local_date
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::date[])
         AS s(id, film_id, venue, local_start, starts_at, local_date)`,
      [
        editionId,
        screenings.map((s) => s.id),
        screenings.map((s) => s.filmId),
        screenings.map((s) => s.venue),
        screenings.map((s) => s.localStart),
        screenings.map((s) => s.instant.toISOString()),
        screenings.map((s) => s.localDate),
      ],
    );
    await client.query('COMMIT');
    await client.query(
      'ANALYZE festivals, festival_editions, festival_strands, festival_selections, festival_screenings',
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }

  const screeningsByDay = Object.fromEntries(days.map((day) => [day, 0]));
  for (const screening of screenings) screeningsByDay[screening.localDate]! += 1;
  return {
    edition: {
      id: editionId,
      festival: FESTIVAL_SLUG,
      year,
      startsOn,
      endsOn,
      days,
      screenings: order.map(({ screening }) => ({
        id: screening.id,
        filmId: screening.filmId,
        localDate: screening.localDate,
      })),
      screeningsByDay,
    },
    figures: {
      films: selected.length,
      strands: strands.length,
      screenings: screenings.length,
      days: days.length,
      seconds: (performance.now() - begin) / 1_000,
    },
  };
}
