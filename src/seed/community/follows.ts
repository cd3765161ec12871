import { SeededRandom } from '../../common/seeded-random.js';

const MIN_FOLLOWS = 5;
const MAX_FOLLOWS = 30;
/** The members everyone seems to follow: the site's well-known reviewers. */
const POPULAR_SHARE = 0.03;
const POPULAR_WEIGHT = 40;

/**
 * For each member, the usernames they follow: 5 to 30 others (fewer in a smaller community),
 * never themselves, with a few popular members followed by most.
 */
export function followsOf(seed: number, usernames: readonly string[]): Map<string, string[]> {
  const random = SeededRandom.derived(seed, 'follows');
  const popular = Math.max(1, Math.round(usernames.length * POPULAR_SHARE));
  const weights = usernames.map((_, index) => (index < popular ? POPULAR_WEIGHT : 1));
  const follows = new Map<string, string[]>();
  usernames.forEach((username, self) => {
    const count = Math.min(random.int(MIN_FOLLOWS, MAX_FOLLOWS), usernames.length - 1);
    const chosen = random.weightedSample(weights, count, (index) => index !== self);
    follows.set(
      username,
      chosen.map((index) => usernames[index]!),
    );
  });
  return follows;
}
