import type {
  DecadeCount,
  FacetCount,
  MonthCount,
  YearCount,
} from '../../modules/member-stats/member-stats.response.js';
import { count } from '../views/numbers.js';
import type { Datum } from './chart-geometry.js';

/** How many genres, countries and directors a chart shows; the API gives more. */
export const CHART_TOP = 10;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const films = (n: number): string => `${count(n)} ${n === 1 ? 'film' : 'films'}`;

/** Every number from the smallest key to the largest in steps of `step`, each with its films (0 if none). */
function filled(counts: readonly FacetCount<number>[], step: number): [number, number][] {
  if (counts.length === 0) return [];
  const byKey = new Map(counts.map(({ key, films }) => [key, films]));
  const keys = counts.map(({ key }) => key);
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  return Array.from({ length: (last - first) / step + 1 }, (_, index) => {
    const key = first + index * step;
    return [key, byKey.get(key) ?? 0];
  });
}

/** The viewing years from the first to the last, oldest first; the selected one marked. */
export const yearSeries = (byYear: readonly YearCount[], selected: number | null = null): Datum[] =>
  filled(byYear, 1).map(([year, value]) => ({ label: String(year), value, current: year === selected }));

/** The years a member saw films in, newest first: the statistics of each have a page. */
export const viewingYears = (byYear: readonly YearCount[]): number[] =>
  byYear.map(({ year }) => year).sort((a, b) => b - a);

/** Release decades from the first to the last, oldest first ("1990s"). */
export const decadeSeries = (byDecade: readonly DecadeCount[]): Datum[] =>
  filled(byDecade, 10).map(([decade, value]) => ({ label: `${decade}s`, value }));

/** The twelve months in calendar order, short on the axis and in full in the table. */
export const monthSeries = (byMonth: readonly MonthCount[]): Datum[] =>
  byMonth.map(({ month, films: value }) => ({
    label: MONTHS[month - 1]!.slice(0, 3),
    name: MONTHS[month - 1]!,
    value,
  }));

/** The ten rating steps: ½ to 5 stars on the axis, "0.5 stars" to "5 stars" in words. */
export const ratingSeries = (ratings: readonly number[]): Datum[] =>
  ratings.map((value, index) => {
    const stars = (index + 1) / 2;
    const whole = Math.floor(stars);
    return {
      label: stars % 1 === 0 ? String(stars) : `${whole === 0 ? '' : whole}½`,
      name: `${stars} ${stars === 1 ? 'star' : 'stars'}`,
      value,
    };
  });

/** A facet's first entries (the API orders them), named for people to read. */
export const facetSeries = (
  facets: readonly FacetCount[],
  nameOf: (key: string) => string = (key) => key,
  top: number = CHART_TOP,
): Datum[] => facets.slice(0, top).map(({ key, films: value }) => ({ label: nameOf(key), value }));

/** A chart's description: what it covers (`what`), and where the most films are. */
export function describeSeries(data: readonly Datum[], what: string): string {
  const most = Math.max(0, ...data.map((datum) => datum.value));
  if (most === 0) return `${what}: no films.`;
  const peaks = data.filter((datum) => datum.value === most).map((datum) => datum.name ?? datum.label);
  const names = peaks.length === 1 ? peaks[0]! : `${peaks.slice(0, -1).join(', ')} and ${peaks.at(-1)!}`;
  return `${what}. The most: ${names}, with ${films(most)}${peaks.length > 1 ? ' each' : ''}.`;
}
