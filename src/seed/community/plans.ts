import type { SeededRandom } from '../../common/seeded-random.js';

/** A quarter of the members plan two to six screenings of the festival edition. */
export function plannedScreenings(random: SeededRandom, screeningIds: readonly string[]): string[] {
  if (screeningIds.length === 0 || !random.chance(0.25)) return [];
  return random.shuffled(screeningIds).slice(0, Math.min(screeningIds.length, random.int(2, 6)));
}
