import type { CatalogueFilm } from './catalogue-film.js';
import { OFFICIAL_LIST_MIN, officialLists } from './official-lists.js';

const film = (slug: string, year: number, countries = ['US']): CatalogueFilm => ({
  id: slug,
  slug,
  title: slug,
  year,
  genres: [],
  countries,
  known: true,
});

describe('officialLists', () => {
  it('makes each canon from the films that fit it, most famous first on ranked lists', () => {
    const famous = [
      ...Array.from({ length: 8 }, (_, index) => film(`sixties-${index}`, 1961 + index)),
      ...Array.from({ length: 6 }, (_, index) => film(`silent-${index}`, 1920 + index, ['FR'])),
    ];

    const lists = officialLists(famous);
    const byTitle = new Map(lists.map((list) => [list.title, list]));

    expect(byTitle.get('Greatest films of the 1960s')!.films).toEqual(famous.slice(0, 8).map((f) => f.slug));
    expect(byTitle.get('Silent essentials')!.films).toEqual(famous.slice(8).map((f) => f.slug));
    expect(byTitle.get('1,001 films to see before you die')!.films[0]).toBe('silent-0');
    expect(byTitle.get('1,001 films to see before you die')!.ranked).toBe(false);
  });

  it('leaves out a canon the catalogue cannot fill', () => {
    const famous = Array.from({ length: 20 }, (_, index) => film(`modern-${index}`, 2000 + index));

    const titles = officialLists(famous).map((list) => list.title);

    expect(titles).toEqual(['The 250 greatest films', '1,001 films to see before you die']);
    expect(OFFICIAL_LIST_MIN).toBeGreaterThan(1);
  });

  it('holds at most 1,001 films however large the catalogue', () => {
    const famous = Array.from({ length: 1_500 }, (_, index) => film(`film-${index}`, 1950 + (index % 70)));

    const thousand = officialLists(famous).find((list) => list.title.startsWith('1,001'))!;

    expect(thousand.films).toHaveLength(1_001);
    expect(new Set(thousand.films).size).toBe(1_001);
  });
});
