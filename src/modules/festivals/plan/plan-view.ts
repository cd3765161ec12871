import type { EditionRef, ScreeningView } from '../programme/programme-reader.js';
import { summarisePlan } from '../domain/plan-summary.js';
import type { PlanVisibility } from '../domain/plan.events.js';
import type { PlanView } from './plan.response.js';

/**
 * The one way a plan is shown, for the GETs and the command answers alike: the screenings that
 * still exist (deleted ones are simply absent), by start, with clashes, tier and total.
 */
export function planView(
  edition: EditionRef,
  visibility: PlanVisibility,
  screenings: readonly ScreeningView[],
): PlanView {
  const ofEdition = screenings.filter((screening) => screening.editionId === edition.id);
  const summary = summarisePlan(
    ofEdition.map((screening) => ({
      id: screening.id,
      filmId: screening.film.id,
      startsAt: screening.startsAt,
      endsAt: screening.endsAt,
      gala: screening.gala,
    })),
    edition.ticketPrice,
    edition.bulkDiscounts,
  );
  const byId = new Map(ofEdition.map((screening) => [screening.id, screening]));
  return {
    visibility,
    items: summary.items.map(({ id, clashesWith }) => {
      const { film, venue, startsAt, endsAt } = byId.get(id)!;
      return { screening: { id, film: { ...film }, venue, startsAt, endsAt }, clashesWith };
    }),
    films: summary.films,
    discountedFilms: summary.discountedFilms,
    bulkDiscount: summary.bulkDiscount,
    total: summary.total,
  };
}
