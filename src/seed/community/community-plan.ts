import { byFame, type CatalogueFilm } from './catalogue-film.js';
import { followsOf } from './follows.js';
import { filmHistory, type FilmHistory } from './histories.js';
import { communityUsernames } from './names.js';
import { officialLists, type OfficialListDraft } from './official-lists.js';
import { personalLists, type ListDraft } from './personal-lists.js';
import { plannedScreenings } from './plans.js';
import { SeededRandom } from '../../common/seeded-random.js';

export const CURATOR = 'curator';
export const DEFAULT_SEED = 2008;

export interface MemberPlan {
  readonly username: string;
  readonly history: FilmHistory;
  /** Usernames of the members they follow. */
  readonly follows: readonly string[];
  readonly lists: readonly ListDraft[];
  /** Screening ids of the festival edition. */
  readonly screenings: readonly string[];
}

export interface CommunityPlan {
  readonly curator: string;
  readonly officialLists: readonly OfficialListDraft[];
  readonly members: readonly MemberPlan[];
}

export interface CommunityInput {
  readonly seed: number;
  readonly members: number;
  readonly films: readonly CatalogueFilm[];
  readonly screeningIds: readonly string[];
  /** YYYY-MM-DD: watch dates fall in the years before it. */
  readonly today: string;
}

/** The whole community, decided before anything is written: the same input makes the same plan. */
export function planCommunity(input: CommunityInput): CommunityPlan {
  const famous = byFame(input.seed, input.films);
  const usernames = communityUsernames(input.seed, input.members, [CURATOR]);
  const follows = followsOf(input.seed, usernames);
  let listsMade = 0;
  const members = usernames.map((username): MemberPlan => {
    const random = SeededRandom.derived(input.seed, `member:${username}`);
    const history = filmHistory(random, famous, input.today);
    const lists = personalLists(random, history.seen, listsMade);
    listsMade += lists.length;
    return {
      username,
      history,
      follows: follows.get(username) ?? [],
      lists,
      screenings: plannedScreenings(random, input.screeningIds),
    };
  });
  return { curator: CURATOR, officialLists: officialLists(famous), members };
}
