import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { Layout } from '../views/layout.js';
import { countryName } from '../views/film-words.js';
import type { EditionDetail, EditionFilm, FestivalSummary } from './festival-shapes.js';
import {
  dateRange,
  discountRule,
  festivalPaths,
  films,
  moneyText,
  screenings,
  shortDay,
} from './festival-words.js';
import { FilmsSection, editionTitle } from './edition-films.js';
import { EnhanceStatus, PlanPrompt, type PlanContext } from './screening-parts.js';

/** The archive: every festival and its editions, newest first. */
export function FestivalArchiveView({ festivals }: { readonly festivals: readonly FestivalSummary[] }) {
  return (
    <Layout title="Festivals">
      <h1>Festivals</h1>
      {festivals.length === 0 ? (
        <p>No festival programmes yet.</p>
      ) : (
        <ul class="festival-archive">
          {festivals.map((festival) => (
            <li key={festival.slug}>
              <h2>{festival.name}</h2>
              <ul class="festival-editions">
                {[...festival.editions]
                  .sort((a, b) => b.year - a.year)
                  .map((edition) => (
                    <li key={edition.year}>
                      <a href={festivalPaths.edition(festival.slug, edition.year)}>
                        {festival.name} {edition.year}
                      </a>{' '}
                      <span class="muted">{dateRange(edition.startsOn, edition.endsOn)}</span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The filters the films list was asked for, as the query string carries them. */
export interface FilmFilters {
  readonly strand?: string;
  readonly day?: string;
  readonly continent?: string;
  readonly country?: string;
}

export interface EditionViewProps {
  readonly edition: EditionDetail;
  readonly filters: FilmFilters;
  readonly films: readonly EditionFilm[];
  /** The posters of the films listed. */
  readonly posters: PosterMap;
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  readonly plan: PlanContext;
}

/** The edition: dates and prices, the diary of days, strands, continents, and the films list. */
export function EditionView({
  edition,
  filters,
  films: listed,
  posters,
  firstHref,
  nextHref,
  plan,
}: EditionViewProps) {
  const { festival, year } = edition;
  const editionHref = festivalPaths.edition(festival.slug, year);
  const rule = discountRule(edition.bulkDiscounts);
  return (
    <Layout title={editionTitle(edition)}>
      <article class="festival-page">
        <header>
          <p class="festival-kicker">
            <a href={festivalPaths.archive}>Festivals</a>
          </p>
          <h1>{editionTitle(edition)}</h1>
          <p class="festival-dates">{dateRange(edition.startsOn, edition.endsOn)}</p>
          <p class="festival-prices">
            {edition.ticketPrice
              ? `Tickets ${moneyText(edition.ticketPrice)} each.`
              : 'No ticket prices announced.'}
            {rule && <> Buy more, pay less: {rule}.</>}
          </p>
          <PlanPrompt plan={plan} />
        </header>
        <section aria-labelledby="diary-heading">
          <h2 id="diary-heading">Festival diary</h2>
          <p class="muted">Click on a day to see the films showing that day.</p>
          <ul class="festival-diary">
            {edition.days.map((day) => (
              <li key={day.date}>
                <a href={festivalPaths.day(festival.slug, year, day.date)}>
                  <span class="diary-day">{shortDay(day.date)}</span>{' '}
                  <span class="diary-count">{screenings(day.screenings)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <div class="festival-facets">
          <section aria-labelledby="strands-heading">
            <h2 id="strands-heading">Find films by strand</h2>
            <ul class="facet-links">
              {edition.strands.map((strand) => (
                <li key={strand.slug}>
                  <a href={festivalPaths.strand(festival.slug, year, strand.slug)}>{strand.name}</a>{' '}
                  <span class="muted">({films(strand.films)})</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="continents-heading">
            <h2 id="continents-heading">Films by continent</h2>
            <ul class="facet-links">
              {edition.continents.map((continent) => (
                <li key={continent.code}>
                  <a href={`${editionHref}?continent=${continent.code}#films-heading`}>{continent.name}</a>{' '}
                  <span class="muted">({films(continent.films)})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <FilmsSection
          edition={edition}
          films={listed}
          posters={posters}
          firstHref={firstHref}
          nextHref={nextHref}
          plan={plan}
        >
          <FilmFilterForm edition={edition} filters={filters} />
        </FilmsSection>
        <EnhanceStatus />
      </article>
    </Layout>
  );
}

/** Strand, day and continent as menus (a plain GET form: no script needed); a country comes from a film's link. */
function FilmFilterForm({
  edition,
  filters,
}: {
  readonly edition: EditionDetail;
  readonly filters: FilmFilters;
}) {
  return (
    <form
      class="film-filters"
      method="get"
      action={festivalPaths.edition(edition.festival.slug, edition.year)}
    >
      <div class="field">
        <label for="filter-strand">Strand</label>
        <select id="filter-strand" name="strand">
          <option value="">Every strand</option>
          {edition.strands.map((strand) => (
            <option key={strand.slug} value={strand.slug} selected={filters.strand === strand.slug}>
              {strand.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-day">Day</label>
        <select id="filter-day" name="day">
          <option value="">Every day</option>
          {edition.days.map((day) => (
            <option key={day.date} value={day.date} selected={filters.day === day.date}>
              {shortDay(day.date)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-continent">Continent</label>
        <select id="filter-continent" name="continent">
          <option value="">Every continent</option>
          {edition.continents.map((continent) => (
            <option
              key={continent.code}
              value={continent.code}
              selected={filters.continent === continent.code}
            >
              {continent.name}
            </option>
          ))}
        </select>
      </div>
      {filters.country && <input type="hidden" name="country" value={filters.country} />}
      <button type="submit">Show films</button>
      {filters.country && (
        <p class="muted">
          From {countryName(filters.country)} only.{' '}
          <a href={festivalPaths.edition(edition.festival.slug, edition.year)}>Every country</a>
        </p>
      )}
    </form>
  );
}
