import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { PostForm } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { PosterImage, posterFilm } from '../views/poster.js';
import { useWeb } from '../views/web-context.js';
import { PLAN_VISIBILITIES, type EditionDetail, type PlanView, type Screening } from './festival-shapes.js';
import {
  VISIBILITY_WORDS,
  clashText,
  clockOf,
  discountRule,
  festivalPaths,
  films,
  moneyText,
  shortDay,
} from './festival-words.js';
import { EnhanceStatus, PlanButton, type PlanContext } from './screening-parts.js';

const editionTitle = (edition: EditionDetail) => `${edition.festival.name} ${edition.year}`;

/** The planned screenings by start, each clash said in words beside it (not by colour alone). */
function PlanItems({
  plan,
  posters,
  context,
}: {
  readonly plan: PlanView;
  readonly posters: PosterMap;
  readonly context: PlanContext | null;
}) {
  const planned = plan.items.map((item) => item.screening);
  return (
    <ol class="plan-items">
      {plan.items.map(({ screening, clashesWith }) => {
        const clash = clashText(clashesWith, planned);
        return (
          <li key={screening.id} class={clash ? 'plan-item plan-item-clash' : 'plan-item'}>
            <PlanItemWhen screening={screening} />
            <PosterImage film={posterFilm(screening.film, posters)} display="thumb" />
            <div class="plan-item-film">
              <a href={`/film/${encodeURIComponent(screening.film.slug)}`}>{screening.film.title}</a>
              <span class="muted"> · {screening.venue}</span>
              {clash && (
                <p class="plan-clash">
                  <span aria-hidden="true">⚠ </span>
                  {clash}
                </p>
              )}
            </div>
            {context && <PlanButton plan={context} screening={screening} title={screening.film.title} />}
          </li>
        );
      })}
    </ol>
  );
}

function PlanItemWhen({ screening }: { readonly screening: Screening }) {
  return (
    <span class="plan-item-when">
      {shortDay(screening.startsAt.slice(0, 10))},{' '}
      <time dateTime={screening.startsAt}>{clockOf(screening.startsAt)}</time>–
      <time dateTime={screening.endsAt}>{clockOf(screening.endsAt)}</time>
    </span>
  );
}

/** Films counted, the discount tier reached and the total, in words. */
function PlanTotals({ plan, edition }: { readonly plan: PlanView; readonly edition: EditionDetail }) {
  const rule = discountRule(edition.bulkDiscounts);
  const galas = plan.films - plan.discountedFilms;
  return (
    <dl class="plan-totals">
      <div>
        <dt>Films</dt>
        <dd>
          {films(plan.films)}
          {galas > 0 && ` (${galas === 1 ? '1 gala' : `${galas} galas`}, not discounted)`}
        </dd>
      </div>
      <div>
        <dt>Discount</dt>
        <dd>
          {plan.bulkDiscount
            ? `${plan.bulkDiscount.percent} % off: ${plan.discountedFilms} different films reach the ${plan.bulkDiscount.minFilms}-film tier`
            : rule
              ? 'None yet'
              : 'This edition has no bulk discount'}
          {rule && <span class="muted plan-rule"> ({rule})</span>}
        </dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd class="plan-total">{plan.total ? moneyText(plan.total) : 'No ticket prices announced'}</dd>
      </div>
    </dl>
  );
}

export interface MyPlanViewProps {
  readonly edition: EditionDetail;
  readonly plan: PlanView;
  /** The posters of the films planned. */
  readonly posters: PosterMap;
  readonly context: PlanContext;
  /** The subscription URL just made: shown once, as only its hash is kept. */
  readonly calendarUrl: string | null;
  readonly calendarRevoked: boolean;
}

/** "My plan": the reader's screenings, clashes, discount and total, sharing and the calendar. */
export function MyPlanView({
  edition,
  plan,
  posters,
  context,
  calendarUrl,
  calendarRevoked,
}: MyPlanViewProps) {
  const { reader } = useWeb();
  const title = `My plan · ${editionTitle(edition)}`;
  const planHref = festivalPaths.myPlan(edition.festival.slug, edition.year);
  return (
    <Layout title={title} noIndex>
      <article class="festival-page plan-page">
        <header>
          <p class="festival-kicker">
            <a href={festivalPaths.edition(edition.festival.slug, edition.year)}>{editionTitle(edition)}</a>
          </p>
          <h1>My plan</h1>
        </header>
        <div data-region="my-plan">
          {plan.items.length === 0 ? (
            <p>
              Your plan is empty. Browse the{' '}
              <a href={festivalPaths.edition(edition.festival.slug, edition.year)}>festival diary</a> and add
              the screenings you want to see.
            </p>
          ) : (
            <PlanItems plan={plan} posters={posters} context={context} />
          )}
          <PlanTotals plan={plan} edition={edition} />
        </div>
        <section aria-labelledby="share-heading" class="card plan-share" data-region="plan-share">
          <h2 id="share-heading">Share your plan</h2>
          <PostForm action={`${planHref}/visibility`} enhance>
            <fieldset>
              <legend>Who sees your plan</legend>
              {PLAN_VISIBILITIES.map((visibility) => (
                <div key={visibility} class="radio">
                  <input
                    type="radio"
                    id={`visibility-${visibility}`}
                    name="visibility"
                    value={visibility}
                    checked={plan.visibility === visibility}
                  />
                  <label for={`visibility-${visibility}`}>{VISIBILITY_WORDS[visibility]}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit" id="save-sharing" data-done="Sharing saved" disabled={reader?.suspended}>
              Save sharing
            </button>
          </PostForm>
          {plan.visibility !== 'private' && reader && (
            <p>
              Your plan's page:{' '}
              <a href={festivalPaths.memberPlan(reader.username, edition.festival.slug, edition.year)}>
                {reader.username}'s plan
              </a>
            </p>
          )}
        </section>
        <CalendarSection planHref={planHref} url={calendarUrl} revoked={calendarRevoked} />
        <EnhanceStatus />
      </article>
    </Layout>
  );
}

/** The private subscription link for calendar apps, which cannot send the member's token. */
function CalendarSection({
  planHref,
  url,
  revoked,
}: {
  readonly planHref: string;
  readonly url: string | null;
  readonly revoked: boolean;
}) {
  return (
    <section aria-labelledby="calendar-heading" class="card plan-calendar">
      <h2 id="calendar-heading">Calendar subscription</h2>
      <p>
        A private link your calendar app can subscribe to: it follows your plan as it changes. Anyone with the
        link can read it; making a new one or revoking it stops the old one.
      </p>
      {url && (
        <div class="calendar-url" role="status">
          <p>Your calendar link (copy it now: it is shown only once):</p>
          <p>
            <label for="calendar-url-field" class="visually-hidden">
              Calendar link
            </label>
            <input id="calendar-url-field" type="text" readOnly value={url} />
          </p>
        </div>
      )}
      {revoked && (
        <p class="calendar-url" role="status">
          Your calendar link is revoked.
        </p>
      )}
      <div class="calendar-buttons">
        <PostForm action={`${planHref}/calendar`}>
          <button type="submit">Make a calendar link</button>
        </PostForm>
        <PostForm action={`${planHref}/calendar/revoke`}>
          <button type="submit" class="button-secondary">
            Revoke
          </button>
        </PostForm>
      </div>
    </section>
  );
}

export interface MemberPlanViewProps {
  readonly username: string;
  readonly edition: EditionDetail;
  readonly plan: PlanView;
  /** The posters of the films planned. */
  readonly posters: PosterMap;
}

/** A member's plan as a friend (or anyone, when public) sees it: read only. */
export function MemberPlanView({ username, edition, plan, posters }: MemberPlanViewProps) {
  return (
    <Layout title={`${username}'s plan · ${editionTitle(edition)}`} noIndex={plan.visibility !== 'public'}>
      <article class="festival-page plan-page">
        <header>
          <p class="festival-kicker">
            <a href={festivalPaths.edition(edition.festival.slug, edition.year)}>{editionTitle(edition)}</a>
          </p>
          <h1>
            <a href={`/member/${encodeURIComponent(username)}`}>{username}</a>'s plan
          </h1>
        </header>
        {plan.items.length === 0 ? (
          <p>{username} has not planned any screening yet.</p>
        ) : (
          <PlanItems plan={plan} posters={posters} context={null} />
        )}
        <p class="muted">{films(plan.films)}</p>
      </article>
    </Layout>
  );
}
