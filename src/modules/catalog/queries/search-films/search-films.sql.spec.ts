import {
  exactTierStatement,
  releaseOrderStatement,
  searchTermsOf,
  similarTierStatement,
  titleOrderStatement,
} from './search-films.sql.js';

const ID = '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10';

describe('searchTermsOf', () => {
  it('normalises q and keeps the words long enough for the trigram index', () => {
    expect(searchTermsOf('  Cédric  KLAPISCH ')).toEqual({
      text: 'cedric klapisch',
      indexableWords: ['cedric', 'klapisch'],
    });
    expect(searchTermsOf('Le Fabuleux destin')).toEqual({
      text: 'le fabuleux destin',
      indexableWords: ['fabuleux', 'destin'],
    });
    expect(searchTermsOf('paris paris')?.indexableWords).toEqual(['paris']);
  });

  it('treats a q without words as no q', () => {
    expect(searchTermsOf(undefined)).toBeNull();
    expect(searchTermsOf(' \t ')).toBeNull();
  });
});

describe('search statements', () => {
  it('look up every word by substring, with LIKE wildcards escaped', () => {
    const statement = exactTierStatement({ limit: 20 }, searchTermsOf('100% pure_film')!, null, 21)!;

    expect(statement.values).toEqual(expect.arrayContaining(['%100\\%%', '%pure\\_film%', 21]));
  });

  it('leave the exact tier out when no word is long enough', () => {
    expect(exactTierStatement({ limit: 20 }, searchTermsOf('m a')!, null, 21)).toBeNull();
  });

  it('seek past the cursor in the order they sort by', () => {
    const cursor = { kind: 'relevance', tier: 'similar', score: 0.75, length: 30, id: ID } as const;
    const statement = similarTierStatement({ limit: 20 }, searchTermsOf('klapish')!, cursor, 21);

    expect(statement.text).toMatch(
      /m\.score < \$\d+::real OR \(m\.score = \$\d+::real AND \(m\.len, m\.id\) > /,
    );
    expect(statement.values).toEqual(expect.arrayContaining([0.75, 30, ID]));
  });

  it('list films by release on the key of films_release_idx, a decade as a range of it', () => {
    const cursor = { kind: 'release', year: null, title: 'Undated', id: ID } as const;
    const statement = releaseOrderStatement({ limit: 20, decade: 1950 }, cursor);
    expect(statement.text).toMatch(/-coalesce\(f\.year, 0\) BETWEEN \$\d+::int AND \$\d+::int/);
    expect(statement.text).toMatch(/ORDER BY -coalesce\(f\.year, 0\), f\.title, f\.id/);
    expect(statement.values).toEqual(expect.arrayContaining([-1959, -1950, 0, 'Undated', ID]));
  });

  it('are prepared once per shape, except when an array filter makes the plan depend on the value', () => {
    const terms = searchTermsOf('holy motors')!;
    const named = [
      titleOrderStatement({ limit: 20 }, null).name,
      titleOrderStatement({ limit: 20, year: 2008 }, { kind: 'title', title: 'Paris', id: ID }).name,
      exactTierStatement({ limit: 20 }, terms, null, 21)!.name,
      similarTierStatement({ limit: 20 }, terms, null, 21).name,
    ];

    expect(new Set(named).size).toBe(4);
    expect(named.every((name) => name !== undefined)).toBe(true);
    expect(titleOrderStatement({ limit: 20, genre: 'drama' }, null).name).toBeUndefined();
    expect(exactTierStatement({ limit: 20, country: 'FR' }, terms, null, 21)!.name).toBeUndefined();
  });
});
