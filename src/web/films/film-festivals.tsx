import type { FilmFestivalAppearance, FriendsPlanning } from '../festivals/festival-shapes.js';
import { billing, festivalPaths } from '../festivals/festival-words.js';
import { ScreeningList, type PlanContext } from '../festivals/screening-parts.js';

export interface FilmFestivalsData {
  readonly appearances: readonly FilmFestivalAppearance[];
  /** The reader's planned screening ids per edition (`slug/year`); null for an anonymous reader. */
  readonly planned: ReadonlyMap<string, ReadonlySet<string>> | null;
  /** The members the reader follows planning each screening; absent for an anonymous reader. */
  readonly friends?: FriendsPlanning;
}

export const editionKey = (festival: string, year: number): string => `${festival}/${year}`;

/** "At festivals": each appearance as the festival bills it, with its screenings and plan buttons. */
export function FilmFestivals({ title, data }: { readonly title: string; readonly data: FilmFestivalsData }) {
  if (data.appearances.length === 0) return null;
  return (
    <section aria-labelledby="festivals-heading" class="film-festivals">
      <h2 id="festivals-heading">At festivals</h2>
      <ul class="film-festival-list">
        {data.appearances.map((appearance) => {
          const key = editionKey(appearance.festival.slug, appearance.year);
          const plan: PlanContext = {
            festival: appearance.festival.slug,
            year: appearance.year,
            planned: data.planned ? (data.planned.get(key) ?? new Set()) : null,
            friends: data.friends,
          };
          // The strand is a link; the premiere and gala follow it as the festival writes them.
          const premiere = billing('', appearance.premiere, appearance.gala);
          return (
            <li key={key}>
              <h3>
                <a href={festivalPaths.edition(appearance.festival.slug, appearance.year)}>
                  {appearance.festival.name} {appearance.year}
                </a>
              </h3>
              <p class="festival-billing">
                <a
                  href={festivalPaths.strand(
                    appearance.festival.slug,
                    appearance.year,
                    appearance.strand.slug,
                  )}
                >
                  {appearance.strand.name}
                </a>
                {premiere && ` / ${premiere}`}
              </p>
              <ScreeningList screenings={appearance.screenings} title={title} plan={plan} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
