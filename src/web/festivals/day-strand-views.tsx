import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { Layout } from '../views/layout.js';
import { PosterImage, posterFilm } from '../views/poster.js';
import type { EditionDetail, EditionFilm, Screening } from './festival-shapes.js';
import { clockOf, festivalPaths, films, longDay, shortDay } from './festival-words.js';
import { FilmsSection, editionTitle } from './edition-films.js';
import { FriendsPlanningLine } from './friends-planning.js';
import { EnhanceStatus, PlanButton, PlanPrompt, type PlanContext } from './screening-parts.js';

export interface DayViewProps {
  readonly edition: EditionDetail;
  readonly date: string;
  readonly screenings: readonly Screening[];
  /** The posters of the films screened. */
  readonly posters: PosterMap;
  readonly plan: PlanContext;
}

/** A day's screenings by start, at the festival's local clock; a late show stays on its listed day. */
export function DayView({ edition, date, screenings: shown, posters, plan }: DayViewProps) {
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
                <PosterImage film={posterFilm(screening.film, posters)} display="thumb" />
                <div class="day-detail">
                  <a href={`/film/${encodeURIComponent(screening.film.slug)}`}>{screening.film.title}</a>
                  {screening.film.year !== null && <span class="muted"> ({screening.film.year})</span>}
                  <span class="day-venue">
                    {screening.venue}, until{' '}
                    <time dateTime={screening.endsAt}>{clockOf(screening.endsAt)}</time>
                  </span>
                  <FriendsPlanningLine plan={plan} screeningId={screening.id} />
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
  readonly posters: PosterMap;
  readonly firstHref: string | null;
  readonly nextHref: string | null;
  readonly plan: PlanContext;
}

/** A strand: what it is, its films with their screenings. */
export function StrandView({
  edition,
  strand,
  films: listed,
  posters,
  firstHref,
  nextHref,
  plan,
}: StrandViewProps) {
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
        <FilmsSection
          edition={edition}
          films={listed}
          posters={posters}
          firstHref={firstHref}
          nextHref={nextHref}
          plan={plan}
        />
        <EnhanceStatus />
      </article>
    </Layout>
  );
}
