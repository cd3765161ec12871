/**
 * The festival answers the pages show: the festival modules' own types, in one place for the views.
 */
export type { BulkDiscount, Gala, Premiere } from '../../modules/festivals/programme/programme-reader.js';
export type {
  FilmScreening,
  Money,
  ScreeningResource as Screening,
} from '../../modules/festivals/programme/programme-resources.js';
export type { FestivalSummary } from '../../modules/festivals/programme/queries/list-festivals/list-festivals.query.js';
export type { EditionDetail } from '../../modules/festivals/programme/queries/get-edition/get-edition.query.js';
export type { FilmFestival as FilmFestivalAppearance } from '../../modules/festivals/programme/queries/film-festivals/film-festivals.query.js';
export type { PlanView } from '../../modules/festivals/plan/plan.response.js';
export { PLAN_VISIBILITIES, type PlanVisibility } from '../../modules/festivals/domain/plan.events.js';

import type { Gala, Premiere } from '../../modules/festivals/programme/programme-reader.js';
import type { FilmScreening } from '../../modules/festivals/programme/programme-resources.js';

/** A film of an edition's list (GET …/films), until the programme's ListEditionFilms exports its type. */
export interface EditionFilm {
  readonly film: {
    readonly id: string;
    readonly slug: string;
    readonly title: string;
    readonly year: number | null;
    readonly countries: readonly string[];
  };
  readonly strand: { readonly slug: string; readonly name: string };
  readonly premiere: Premiere | null;
  readonly gala: Gala | null;
  readonly note: string | null;
  readonly screenings: readonly FilmScreening[];
}
