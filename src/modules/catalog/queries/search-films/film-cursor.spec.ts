import { decodeCursor, encodeCursor, type FilmCursor } from './film-cursor.js';

const ID = '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10';

describe('film cursors', () => {
  it('round-trip both orders, floats exactly', () => {
    const cursors: FilmCursor[] = [
      { kind: 'title', title: 'Été violent', id: ID },
      { kind: 'release', year: 2008, title: 'Paris', id: ID },
      { kind: 'release', year: null, title: 'Undated', id: ID },
      { kind: 'relevance', tier: 'similar', score: 0.7142857313156128, length: 31, id: ID },
      { kind: 'relevance', tier: 'exact', score: 2, length: 27, id: ID },
    ];
    for (const cursor of cursors) {
      const text = encodeCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(text)).toEqual(cursor);
    }
  });

  it('refuse anything the API did not give out', () => {
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of [
      '',
      'not a cursor',
      'abc',
      encode({ t: 'x' }),
      encode(['t', 'Paris']),
      encode(['t', 'Paris', 'not-a-uuid']),
      encode(['s', 'high', 3, ID]),
      encode(['e', 0.5, 1.5, ID]),
      encode(['r', 0.5, 1, ID]),
      encode(['x', 'Paris', ID]),
      encode(['y', 2008.5, 'Paris', ID]),
      encode(['y', 2008, 'Paris']),
      'A'.repeat(3000),
    ]) {
      expect(decodeCursor(text)).toBeNull();
    }
  });
});
