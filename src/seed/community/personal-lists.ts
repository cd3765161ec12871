import type { CatalogueFilm } from './catalogue-film.js';
import type { SeededRandom } from '../../common/seeded-random.js';

export type Visibility = 'public' | 'friends' | 'private';

export interface ListDraft {
  readonly title: string;
  readonly description: string | null;
  readonly ranked: boolean;
  readonly visibility: Visibility;
  /** Film slugs in order (their rank on a ranked list). */
  readonly films: readonly string[];
}

const TITLES = [
  'My all-time favourites',
  'Films that made me cry',
  'Comfort rewatches',
  'To show my friends',
  'Best of what I saw this year',
  'Rainy Sunday films',
  'Overlooked gems',
  'Films I argue about',
  'Desert island picks',
  'Perfect first dates',
] as const;

const VISIBILITIES: readonly Visibility[] = ['public', 'public', 'public', 'friends', 'private'];

/**
 * Zero to three lists from the films the member has seen; `order` is the community's running
 * count of lists, so the first three made are one of each visibility whatever the seed.
 */
export function personalLists(
  random: SeededRandom,
  seen: readonly CatalogueFilm[],
  order: number,
): ListDraft[] {
  if (seen.length < 5 || !random.chance(0.45)) return [];
  const count = random.int(1, 3);
  const titles = random.shuffled(TITLES).slice(0, count);
  return titles.map((title, index) => {
    const place = order + index;
    const visibility =
      place < 3 ? (['public', 'private', 'friends'] as const)[place]! : random.pick(VISIBILITIES);
    const size = Math.min(seen.length, random.int(5, 25));
    return {
      title,
      description: random.chance(0.5) ? `${title}, in no particular hurry.` : null,
      ranked: random.chance(0.5),
      visibility,
      films: random
        .shuffled(seen)
        .slice(0, size)
        .map((film) => film.slug),
    };
  });
}
