import type { CatalogueFilm } from './catalogue-film.js';

export interface OfficialListDraft {
  readonly title: string;
  readonly description: string;
  readonly ranked: boolean;
  /** Film slugs in order. */
  readonly films: readonly string[];
}

/** A canon shorter than this says little; it is left out rather than published thin. */
export const OFFICIAL_LIST_MIN = 5;

const inYears = (from: number, to: number) => (film: CatalogueFilm) =>
  film.year !== null && film.year >= from && film.year <= to;

const chronological = (a: CatalogueFilm, b: CatalogueFilm): number =>
  (a.year ?? 0) - (b.year ?? 0) || a.title.localeCompare(b.title);

/**
 * Official lists in the manner of the well-known canons, made from the catalogue at hand: `famous`
 * is the catalogue most famous first, which is also the rank order of the ranked lists.
 */
export function officialLists(famous: readonly CatalogueFilm[]): OfficialListDraft[] {
  const slugs = (films: readonly CatalogueFilm[]) => films.map((film) => film.slug);
  const drafts: OfficialListDraft[] = [
    {
      title: 'The 250 greatest films',
      description: 'The critics’ canon, as our catalogue holds it: ranked, most admired first.',
      ranked: true,
      films: slugs(famous.slice(0, 250)),
    },
    {
      title: '1,001 films to see before you die',
      description: 'A lifetime of viewing, in order of release. Unranked: start anywhere.',
      ranked: false,
      films: slugs([...famous.slice(0, 1_001)].sort(chronological)),
    },
    {
      title: 'Silent essentials',
      description: 'The films of the silent era everyone should see once.',
      ranked: true,
      films: slugs(famous.filter(inYears(1890, 1930)).slice(0, 100)),
    },
    {
      title: 'Greatest films of the 1960s',
      description: 'New waves everywhere: the decade’s hundred best.',
      ranked: true,
      films: slugs(famous.filter(inYears(1960, 1969)).slice(0, 100)),
    },
    {
      title: 'World cinema: beyond Hollywood',
      description: 'Great films made outside the United States.',
      ranked: false,
      films: slugs(
        famous.filter((film) => film.countries.length > 0 && !film.countries.includes('US')).slice(0, 200),
      ),
    },
  ];
  return drafts.filter((draft) => draft.films.length >= OFFICIAL_LIST_MIN);
}
