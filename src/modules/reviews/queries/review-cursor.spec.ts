import { encodeCursorFields } from '../../../common/paging/cursor-fields.js';
import { decodeReviewCursor, encodeReviewCursor } from './review-cursor.js';

describe('review cursor', () => {
  const cursor = {
    sort: 'popular',
    likes: 12,
    at: '2024-03-01T10:11:12.123456Z',
    id: '0b7e3c1a-2f44-4c1e-9a55-1c2d3e4f5a6b',
  } as const;

  it('reads back what it wrote, for its own sort only', () => {
    expect(decodeReviewCursor(encodeReviewCursor(cursor), 'popular')).toEqual(cursor);
    expect(decodeReviewCursor(encodeReviewCursor(cursor), 'recent')).toBeNull();
  });

  it('refuses text it did not give out', () => {
    for (const fields of [
      ['popular', -1, cursor.at, cursor.id],
      ['popular', 1.5, cursor.at, cursor.id],
      ['popular', 1, '2024-03-01', cursor.id],
      ['popular', 1, cursor.at, 'x'],
      ['popular', 1, cursor.at],
    ]) {
      expect(decodeReviewCursor(encodeCursorFields(fields), 'popular')).toBeNull();
    }
  });
});
