import type { BulkDiscount, EditionRef, FilmRef, Gala, Premiere, ScreeningView } from './programme-reader.js';
import { formatMinor } from '../domain/money.js';

/** What the admin writes answer, and the shapes the public reads share. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export interface FestivalResource {
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
}

export interface EditionResource {
  readonly festival: { readonly slug: string; readonly name: string };
  readonly year: number;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly timeZone: string;
  readonly ticketPrice: Money | null;
  readonly bulkDiscounts: readonly BulkDiscount[];
}

export interface StrandResource {
  readonly slug: string;
  readonly name: string;
  readonly description: string | null;
}

export interface SelectionResource {
  readonly film: FilmRef;
  readonly strand: { readonly slug: string; readonly name: string };
  readonly premiere: Premiere | null;
  readonly gala: Gala | null;
  readonly note: string | null;
}

/** A screening as the lists of a day and the admin's POST show it. */
export interface ScreeningResource {
  readonly id: string;
  readonly film: FilmRef;
  readonly venue: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** A screening under its film, where the film goes without saying. */
export interface FilmScreening {
  readonly id: string;
  readonly venue: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** Whether a write made the resource, changed it, or found it as asked (201, 200, 200). */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface Written<Resource> {
  readonly outcome: WriteOutcome;
  readonly resource: Resource;
}

export const editionResource = (edition: EditionRef): EditionResource => ({
  festival: { slug: edition.festival.slug, name: edition.festival.name },
  year: edition.year,
  startsOn: edition.startsOn,
  endsOn: edition.endsOn,
  timeZone: edition.timeZone,
  ticketPrice:
    edition.ticketPrice === null
      ? null
      : { amount: formatMinor(edition.ticketPrice.amountMinor), currency: edition.ticketPrice.currency },
  bulkDiscounts: edition.bulkDiscounts,
});

export const screeningResource = (screening: ScreeningView): ScreeningResource => ({
  id: screening.id,
  film: screening.film,
  venue: screening.venue,
  startsAt: screening.startsAt,
  endsAt: screening.endsAt,
});

export const filmScreening = (screening: ScreeningView): FilmScreening => ({
  id: screening.id,
  venue: screening.venue,
  startsAt: screening.startsAt,
  endsAt: screening.endsAt,
});
