import { encodeCursorFields } from '../../common/paging/cursor-fields.js';
import { decodeDiaryCursor, encodeDiaryCursor } from './diary-cursor.js';

describe('diary cursor', () => {
  const cursor = {
    watchedOn: '2024-02-29',
    loggedAt: '2024-03-01T10:11:12.123456Z',
    id: '0b7e3c1a-2f44-4c1e-9a55-1c2d3e4f5a6b',
  };

  it('reads back what it wrote', () => {
    expect(decodeDiaryCursor(encodeDiaryCursor(cursor))).toEqual(cursor);
  });

  it('refuses text it did not give out', () => {
    for (const fields of [
      [cursor.watchedOn, cursor.loggedAt],
      ['2024-13-45', cursor.loggedAt, cursor.id],
      [cursor.watchedOn, '2024-03-01T10:11:12Z', cursor.id],
      [cursor.watchedOn, cursor.loggedAt, 'not-an-id'],
      [cursor.watchedOn, cursor.loggedAt, cursor.id.toUpperCase()],
    ]) {
      expect(decodeDiaryCursor(encodeCursorFields(fields))).toBeNull();
    }
    expect(decodeDiaryCursor('%%%')).toBeNull();
  });
});
