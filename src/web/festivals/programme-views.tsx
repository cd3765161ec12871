import { Pager, type PagerWords } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { countryName } from '../films/film-views.js';
import type { EditionDetail, EditionFilm, FestivalSummary, Screening } from './festival-shapes.js';
import {
  billing,
  clockOf,
  dateRange,
  discountRule,
  festivalPaths,
  films,
  longDay,
  moneyText,
  screenings,
  shortDay,
} from './festival-words.js';
import { EnhanceStatus, PlanButton, PlanPrompt, ScreeningList, type PlanContext } from './screening-parts.js';

const FILM_PAGES: PagerWords = {
  label: 'Pages of films',
  first: 'Back to the first films',
  next: 'More films',
};

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
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  readonly plan: PlanContext;
}

const editionTitle = (edition: EditionDetail) => `${edition.festival.name} ${edition.year}`;

/** The edition: dates and prices, the diary of days, strands, continents, and the films list. */
export function EditionView({
  edition,
  filters,
  films: listed,
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
        <section aria-labelledby="films-heading">
          <h2 id="films-heading">Films</h2>
          <FilmFilterForm edition={edition} filters={filters} />
          <EditionFilms edition={edition} films={listed} plan={plan} />
          <Pager firstHref={firstHref} nextHref={nextHref} words={FILM_PAGES} />
        </section>
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

function EditionFilms({
  edition,
  films: listed,
  plan,
}: {
  readonly edition: EditionDetail;
  readonly films: readonly EditionFilm[];
  readonly plan: PlanContext;
}) {
  if (listed.length === 0) return <p>No films match.</p>;
  const editionHref = festivalPaths.edition(edition.festival.slug, edition.year);
  return (
    <ul class="festival-films">
      {listed.map((entry) => (
        <li key={entry.film.id} class="festival-film">
          <h3>
            <a href={`/film/${encodeURIComponent(entry.film.slug)}`}>{entry.film.title}</a>
            {entry.film.year !== null && <span class="muted"> ({entry.film.year})</span>}
          </h3>
          <p class="festival-billing">{billing(entry.strand.name, entry.premiere, entry.gala)}</p>
          {entry.film.countries.length > 0 && (
            <p class="festival-countries">
              {entry.film.countries.map((code, index) => (
                <span key={code}>
                  {index > 0 && ', '}
                  <a href={`${editionHref}?country=${encodeURIComponent(code)}#films-heading`}>
                    {countryName(code)}
                  </a>
                </span>
              ))}
            </p>
          )}
          {entry.note && <p class="festival-note">{entry.note}</p>}
          <ScreeningList screenings={entry.screenings} title={entry.film.title} plan={plan} />
        </li>
      ))}
    </ul>
  );
}

export interface DayViewProps {
  readonly edition: EditionDetail;
  readonly date: string;
  readonly screenings: readonly Screening[];
  readonly plan: PlanContext;
}

/** A day's screenings by start, at the festival's local clock; a late show stays on its listed day. */
export function DayView({ edition, date, screenings: shown, plan }: DayViewProps) {
  const { festival, year } = edition;
  const index = edition.days.findIndex((day) => day.date === date);
  const previous = edition.days[index - 1];
  const next = edition.days[index + 1];
  return (
    <Layout title={`${longDay(date)} · ${editionTitle(edition)}`}>
      <article class="festival-page">
        <header>
          <p class="festival-kicker">
            <a href={festivalPaths.edition(festival.slug, year)}>{editionTitle(edition)}</a>
          </p>
          <h1>{longDay(date)}</h1>
          <p class="muted">Times are local to the festival ({edition.timeZone}).</p>
          <PlanPrompt plan={plan} />
        </header>
        {shown.length === 0 ? (
          <p>No screenings on this day.</p>
        ) : (
          <ol class="day-screenings">
            {shown.map((screening) => (
              <li key={screening.id} class="day-screening">
                <time class="day-clock" dateTime={screening.startsAt}>
                  {clockOf(screening.startsAt)}
                </time>
                <div class="day-detail">
                  <a href={`/film/${encodeURIComponent(screening.film.slug)}`}>{screening.film.title}</a>
                  {screening.film.year !== null && <span class="muted"> ({screening.film.year})</span>}
                  <span class="day-venue">
                    {screening.venue}, until{' '}
                    <time dateTime={screening.endsAt}>{clockOf(screening.endsAt)}</time>
                  </span>
                </div>
                <PlanButton plan={plan} screening={screening} title={screening.film.title} />
              </li>
            ))}
          </ol>
        )}
        <nav class="day-nav" aria-label="Other days">
          {previous && (
            <a href={festivalPaths.day(festival.slug, year, previous.date)}>
              Previous day: {shortDay(previous.date)}
            </a>
          )}
          {next && (
            <a href={festivalPaths.day(festival.slug, year, next.date)}>Next day: {shortDay(next.date)}</a>
          )}
        </nav>
        <EnhanceStatus />
      </article>
    </Layout>
  );
}

export interface StrandViewProps {
  readonly edition: EditionDetail;
  readonly strand: EditionDetail['strands'][number];
  readonly films: readonly EditionFilm[];
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  readonly plan: PlanContext;
}

/** A strand: what it is, its films with their screenings. */
export function StrandView({ edition, strand, films: listed, firstHref, nextHref, plan }: StrandViewProps) {
  return (
    <Layout title={`${strand.name} · ${editionTitle(edition)}`}>
      <article class="festival-page">
        <header>
          <p class="festival-kicker">
            <a href={festivalPaths.edition(edition.festival.slug, edition.year)}>{editionTitle(edition)}</a>
          </p>
          <h1>{strand.name}</h1>
          {strand.description && <p class="festival-note">{strand.description}</p>}
          <p class="muted">{films(strand.films)}</p>
          <PlanPrompt plan={plan} />
        </header>
        <section aria-labelledby="films-heading">
          <h2 id="films-heading">Films</h2>
          <EditionFilms edition={edition} films={listed} plan={plan} />
          <Pager firstHref={firstHref} nextHref={nextHref} words={FILM_PAGES} />
        </section>
        <EnhanceStatus />
      </article>
    </Layout>
  );
}
