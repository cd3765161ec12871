/**
 * The festival modules' commands and queries the pages send, gathered so the pages name each once.
 */
export { GetEdition } from '../../modules/festivals/programme/queries/get-edition/get-edition.query.js';
export { GetFilmFestivals } from '../../modules/festivals/programme/queries/film-festivals/film-festivals.query.js';
export { ListDayScreenings } from '../../modules/festivals/programme/queries/day-screenings/day-screenings.query.js';
export { ListEditionFilms } from '../../modules/festivals/programme/queries/edition-films/edition-films.query.js';
export { ListFestivals } from '../../modules/festivals/programme/queries/list-festivals/list-festivals.query.js';
export { ChangePlanVisibility } from '../../modules/festivals/plan/commands/change-plan-visibility/change-plan-visibility.command.js';
export {
  IssueCalendarUrl,
  RevokeCalendarUrl,
} from '../../modules/festivals/plan/commands/calendar-url/calendar-url.command.js';
export { PlanScreening } from '../../modules/festivals/plan/commands/plan-screening/plan-screening.command.js';
export { UnplanScreening } from '../../modules/festivals/plan/commands/unplan-screening/unplan-screening.command.js';
export { GetMemberPlan } from '../../modules/festivals/plan/queries/get-member-plan/get-member-plan.query.js';
export { GetMyPlan } from '../../modules/festivals/plan/queries/get-my-plan/get-my-plan.query.js';
export { GetFriendsPlanning } from '../../modules/festivals/plan/queries/friends-planning/friends-planning.query.js';
