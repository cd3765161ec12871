import { foldEntries, withKeys, type Entry, type ListFact } from './entries.js';

const T0 = '2024-01-01T00:00:00.000Z';
const T1 = '2024-01-02T00:00:00.000Z';

/** Entries a..e keyed in order, as the table gives them. */
const listed = (...films: string[]): Entry[] =>
  withKeys(films.map((filmId) => ({ filmId, position: null, note: null, addedAt: T0 })));

const fact = (type: ListFact['type'], data: object, occurredAt = T1): ListFact =>
  ({ type, data, occurredAt }) as ListFact;

const order = (entries: readonly Entry[]) => entries.map((entry) => entry.filmId);
const keysIncrease = (entries: readonly Entry[]) =>
  entries.every((entry, index) => index === 0 || entries[index - 1]!.position! < entry.position!);

describe('foldEntries', () => {
  const current = listed('a', 'b', 'c', 'd', 'e');

  it('moves a film and rekeys it alone, between its new neighbours', () => {
    const folded = foldEntries(current, [fact('ListReordered', { filmId: 'd', rank: 2 })]);
    expect(order(folded.entries)).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(keysIncrease(folded.entries)).toBe(true);
    const before = new Map(current.map((entry) => [entry.filmId, entry.position]));
    const rekeyed = folded.entries.filter((entry) => entry.position !== before.get(entry.filmId));
    expect(order(rekeyed)).toEqual(['d']);
    expect(folded.changes).toEqual([{ ...folded.entries[1]!, removedAt: null }]);
    expect(folded.memberships).toEqual([]);
  });

  it('adds at a rank or at the end, and a removal leaves a row with its time', () => {
    const folded = foldEntries(current, [
      fact('FilmAddedToList', { filmId: 'x', rank: 1, note: 'first' }),
      fact('FilmAddedToList', { filmId: 'y', rank: null, note: null }),
      fact('FilmRemovedFromList', { filmId: 'c' }),
    ]);
    expect(order(folded.entries)).toEqual(['x', 'a', 'b', 'd', 'e', 'y']);
    expect(keysIncrease(folded.entries)).toBe(true);
    expect(folded.changes).toContainEqual({
      filmId: 'x',
      position: folded.entries[0]!.position,
      note: 'first',
      addedAt: T1,
      removedAt: null,
    });
    expect(folded.changes).toContainEqual({
      filmId: 'c',
      position: null,
      note: null,
      addedAt: T0,
      removedAt: T1,
    });
    expect(folded.memberships).toEqual(
      expect.arrayContaining([
        { filmId: 'x', now: true },
        { filmId: 'y', now: true },
        { filmId: 'c', now: false },
      ]),
    );
    expect(folded.memberships).toHaveLength(3);
  });

  it('counts no membership change for a film removed and added back in one batch', () => {
    const folded = foldEntries(current, [
      fact('FilmRemovedFromList', { filmId: 'b' }),
      fact('FilmAddedToList', { filmId: 'b', rank: 5, note: null }),
    ]);
    expect(order(folded.entries)).toEqual(['a', 'c', 'd', 'e', 'b']);
    expect(folded.memberships).toEqual([]);
    expect(folded.changes).toEqual([{ ...folded.entries[4]!, removedAt: null }]);
  });

  it('keeps a row for a film added and removed within the batch', () => {
    const folded = foldEntries(current, [
      fact('FilmAddedToList', { filmId: 'z', rank: 2, note: null }, T0),
      fact('FilmRemovedFromList', { filmId: 'z' }),
    ]);
    expect(order(folded.entries)).toEqual(order(current));
    expect(folded.changes).toEqual([{ filmId: 'z', position: null, note: null, addedAt: T0, removedAt: T1 }]);
    expect(folded.memberships).toEqual([]);
  });

  it('changes a note without rekeying', () => {
    const folded = foldEntries(current, [fact('ListItemNoteChanged', { filmId: 'b', note: 'seen twice' })]);
    expect(folded.changes).toEqual([{ ...current[1]!, note: 'seen twice', removedAt: null }]);
  });

  it('replaces the content with an edition: fresh keys for all, dropped films removed, no notes', () => {
    const folded = foldEntries(current, [
      fact('ListEditionPublished', { edition: 2, films: ['e', 'q', 'a'] }),
    ]);
    expect(order(folded.entries)).toEqual(['e', 'q', 'a']);
    expect(keysIncrease(folded.entries)).toBe(true);
    expect(folded.entries.map((entry) => entry.addedAt)).toEqual([T0, T1, T0]);
    expect(
      folded.changes
        .filter((change) => change.removedAt === T1)
        .map((change) => change.filmId)
        .sort(),
    ).toEqual(['b', 'c', 'd']);
    expect(folded.memberships).toEqual(
      expect.arrayContaining([
        { filmId: 'q', now: true },
        { filmId: 'b', now: false },
        { filmId: 'c', now: false },
        { filmId: 'd', now: false },
      ]),
    );
    expect(folded.memberships).toHaveLength(4);
  });
});

describe('withKeys', () => {
  it('keys runs of keyless entries between the keys around them', () => {
    const keyed = listed('a', 'b');
    const entries = withKeys([
      { filmId: 'x', position: null, note: null, addedAt: T0 },
      keyed[0]!,
      { filmId: 'y', position: null, note: null, addedAt: T0 },
      { filmId: 'z', position: null, note: null, addedAt: T0 },
      keyed[1]!,
      { filmId: 'w', position: null, note: null, addedAt: T0 },
    ]);
    expect(keysIncrease(entries)).toBe(true);
    expect(entries[1]).toBe(keyed[0]);
    expect(entries[4]).toBe(keyed[1]);
  });
});
