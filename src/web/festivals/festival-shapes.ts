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
export type { FestivalFilm as EditionFilm } from '../../modules/festivals/programme/queries/edition-films/edition-films.query.js';
export type {
  FriendsPlanning,
  PlanningFriend,
} from '../../modules/festivals/plan/queries/friends-planning/friends-planning.query.js';
