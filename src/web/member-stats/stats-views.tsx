import type { ComponentChildren } from 'preact';
import { continentName, type ContinentCode } from '../../modules/festivals/domain/continents.js';
import type { MemberStats, YearCount } from '../../modules/member-stats/member-stats.response.js';
import { countryName, genreName } from '../views/film-words.js';
import { memberHref } from '../home/activity-views.js';
import { Layout } from '../views/layout.js';
import { count } from '../views/numbers.js';
import { BarChart, ColumnChart, LineChart, type ChartProps } from './charts.js';
import {
  CHART_TOP,
  decadeSeries,
  describeSeries,
  facetSeries,
  monthSeries,
  ratingSeries,
  viewingYears,
  yearSeries,
} from './stats-series.js';

export interface MemberStatsViewProps {
  /** As the member writes it. */
  readonly username: string;
  /** The year the page is about; null for all years. */
  readonly year: number | null;
  /** Every year the member saw films in, with its films: the year links and the chart of years. */
  readonly years: readonly YearCount[];
  /** Of the page's year, or of every year. */
  readonly stats: MemberStats;
}

/** A member's statistics page, of all years or of one. */
export const statsHref = (username: string, year: number | null = null): string =>
  `${memberHref(username)}/stats${year === null ? '' : `?year=${year}`}`;

/** A member's films in numbers and charts, drawn on the server; every chart has its table. */
export function MemberStatsView({ username, year, years, stats }: MemberStatsViewProps) {
  const heading = year === null ? `${username}’s films in numbers` : `${username}’s ${year} in films`;
  return (
    <Layout title={year === null ? `${username}: statistics` : `${username}: statistics of ${year}`}>
      <div class="stats-head">
        <h1>{heading}</h1>
        <p>
          <a href={memberHref(username)}>Back to {username}’s profile</a>
        </p>
      </div>
      <YearLinks username={username} year={year} years={viewingYears(years)} />
      <Figures stats={stats} />
      {stats.films === 0 ? (
        <p class="stats-empty">
          {year === null
            ? `${username} has not checked any films yet.`
            : `${username} saw no films in ${year}, as far as their diary and checks tell.`}
        </p>
      ) : (
        <Charts username={username} year={year} years={years} stats={stats} />
      )}
    </Layout>
  );
}

function YearLinks({
  username,
  year,
  years,
}: {
  readonly username: string;
  readonly year: number | null;
  readonly years: readonly number[];
}) {
  return (
    <nav class="stats-years" aria-label="Years">
      <ul>
        {[null, ...years].map((linked) => (
          <li key={linked ?? 'all'}>
            <a href={statsHref(username, linked)} aria-current={linked === year ? 'page' : undefined}>
              {linked ?? 'All years'}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Figures({ stats }: { readonly stats: MemberStats }) {
  const rated = stats.ratings.reduce((sum, films) => sum + films, 0);
  const figures: [string, string][] = [
    ['Films', count(stats.films)],
    ['Hours watched', stats.hours.toLocaleString('en-GB', { maximumFractionDigits: 1 })],
    ['Films rated', count(rated)],
  ];
  return (
    <section class="stats-figures" aria-labelledby="stats-figures-heading">
      <h2 id="stats-figures-heading" class="visually-hidden">
        In numbers
      </h2>
      <dl>
        {figures.map(([name, value]) => (
          <div key={name} class="stats-figure">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A chart under its heading, or a sentence when it would have nothing to draw. */
function ChartSection({
  id,
  heading,
  empty,
  children,
}: {
  readonly id: string;
  readonly heading: string;
  readonly empty: string | null;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="stats-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {empty === null ? children : <p class="muted">{empty}</p>}
    </section>
  );
}

/** A facet's bar chart: its first entries, and how many it leaves out of the picture. */
function FacetSection({
  id,
  heading,
  category,
  what,
  data,
  empty,
}: Pick<ChartProps, 'id' | 'category' | 'data'> & {
  readonly heading: string;
  readonly what: string;
  readonly empty: string;
}) {
  const top =
    data.length === CHART_TOP
      ? `The ${CHART_TOP} ${what} with the most films`
      : `Films by ${category.toLowerCase()}`;
  return (
    <ChartSection id={id} heading={heading} empty={data.length === 0 ? empty : null}>
      <BarChart id={id} title={top} description={describeSeries(data, top)} data={data} category={category} />
    </ChartSection>
  );
}

function Charts({ username, year, years: viewingYearCounts, stats }: MemberStatsViewProps) {
  const years = yearSeries(viewingYearCounts, year);
  const decades = decadeSeries(stats.byDecade);
  const ratings = ratingSeries(stats.ratings);
  const rated = stats.ratings.reduce((sum, films) => sum + films, 0);
  const months = year !== null && stats.byMonth ? monthSeries(stats.byMonth) : null;
  const span = years.length > 0 ? `from ${years[0]!.label} to ${years.at(-1)!.label}` : '';
  return (
    <div class="stats-charts">
      <ChartSection id="chart-years" heading="Films by year seen" empty={null}>
        <ColumnChart
          id="chart-years"
          title="Films seen each year"
          description={describeSeries(years, `Films ${username} saw each year ${span}`)}
          data={years}
          category="Year"
        />
      </ChartSection>
      {months && (
        <ChartSection id="chart-months" heading={`Films by month, ${year}`} empty={null}>
          <LineChart
            id="chart-months"
            title={`Films seen each month of ${year}`}
            description={describeSeries(months, `Films ${username} saw each month of ${year}`)}
            data={months}
            category="Month"
          />
        </ChartSection>
      )}
      <ChartSection
        id="chart-decades"
        heading="Films by release decade"
        empty={decades.length === 0 ? 'The release years of these films are not known.' : null}
      >
        <ColumnChart
          id="chart-decades"
          title="Films by the decade of their release"
          description={describeSeries(decades, 'Films by the decade of their release')}
          data={decades}
          category="Decade"
        />
      </ChartSection>
      <ChartSection
        id="chart-ratings"
        heading="Ratings"
        empty={rated === 0 ? `${username} has rated none of these films.` : null}
      >
        <ColumnChart
          id="chart-ratings"
          title="Films by rating, from half a star to five"
          description={describeSeries(ratings, `${count(rated)} films rated, from half a star to five stars`)}
          data={ratings}
          category="Rating"
        />
      </ChartSection>
      <FacetSection
        id="chart-genres"
        heading="Genres"
        category="Genre"
        what="genres"
        data={facetSeries(stats.byGenre, genreName)}
        empty="No genres are known for these films."
      />
      <FacetSection
        id="chart-countries"
        heading="Countries"
        category="Country"
        what="countries"
        data={facetSeries(stats.byCountry, countryName)}
        empty="No countries are known for these films."
      />
      <FacetSection
        id="chart-continents"
        heading="Continents"
        category="Continent"
        what="continents"
        data={facetSeries(stats.byContinent, (key) => continentName(key as ContinentCode))}
        empty="No countries are known for these films."
      />
      <FacetSection
        id="chart-directors"
        heading="Directors"
        category="Director"
        what="directors"
        data={facetSeries(stats.byDirector)}
        empty="No directors are known for these films."
      />
    </div>
  );
}
