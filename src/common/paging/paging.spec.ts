import { InvalidInputException } from '../invalid-input.exception.js';
import { FIRST_PAGE, decodeTimeCursor, encodeTimeCursor, pageOf, pageWindow } from './index.js';

const ID = '0b6f1d6e-5b1c-4d47-9a55-2f1b1b7f3a10';
const AT = '2024-03-01T10:01:00.123456Z';
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('time cursors', () => {
  it('round-trip the time to the microsecond and the id', () => {
    const text = encodeTimeCursor({ at: AT, id: ID });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTimeCursor(text)).toEqual({ at: AT, id: ID });
  });

  it('refuse anything the API did not give out', () => {
    for (const text of [
      '',
      'not a cursor',
      'abc',
      encode({ at: AT, id: ID }),
      encode([AT]),
      encode([AT, ID, 1]),
      encode([AT, 'not-a-uuid']),
      encode([AT, ID.toUpperCase()]),
      encode(['2024-03-01T10:01:00.123Z', ID]),
      encode(['2024-02-30T10:01:00.123456Z', ID]),
      encode(['2024-13-01T10:01:00.123456Z', ID]),
      encode(['infinity', ID]),
      encode([12, ID]),
      'A'.repeat(300),
    ]) {
      expect(decodeTimeCursor(text)).toBeNull();
    }
  });
});

describe('pages', () => {
  const rows = [1, 2, 3].map((n) => ({ n, cursor_at: AT.replace('123456', `00000${n}`), cursor_id: ID }));

  it('show `limit` rows and point after the last one shown when there is more', () => {
    const page = pageOf(rows, 2, (row) => row.n);
    expect(page.items).toEqual([1, 2]);
    expect(decodeTimeCursor(page.nextCursor!)).toEqual({ at: '2024-03-01T10:01:00.000002Z', id: ID });
  });

  it('end with a null cursor', () => {
    expect(pageOf(rows, 3, (row) => row.n)).toEqual({ items: [1, 2, 3], nextCursor: null });
    expect(pageOf([], 3, (row: (typeof rows)[number]) => row.n)).toEqual({ items: [], nextCursor: null });
  });

  it('start from before every row, with 20 items, unless told', () => {
    expect(pageWindow({})).toEqual({ limit: 20, from: FIRST_PAGE });
    expect(pageWindow({ limit: 5, cursor: encodeTimeCursor({ at: AT, id: ID }) })).toEqual({
      limit: 5,
      from: { at: AT, id: ID },
    });
  });

  it('name the cursor when it is not one of ours', () => {
    expect(() => pageWindow({ cursor: 'nope' })).toThrow(InvalidInputException);
    try {
      pageWindow({ cursor: 'nope' });
    } catch (error) {
      expect((error as InvalidInputException).fieldErrors.map((fault) => fault.field)).toEqual(['cursor']);
    }
  });
});
