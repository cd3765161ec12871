import { commentIdFor } from './comment-id.js';

const ana = '6a0e1f3c-0000-4000-8000-000000000001';
const ben = '6a0e1f3c-0000-4000-8000-000000000002';

describe('comment ids', () => {
  it('gives the same id for the same author and key, another for another author or key', () => {
    expect(commentIdFor(ana, 'key-1')).toBe(commentIdFor(ana, 'key-1'));
    expect(commentIdFor(ben, 'key-1')).not.toBe(commentIdFor(ana, 'key-1'));
    expect(commentIdFor(ana, 'key-2')).not.toBe(commentIdFor(ana, 'key-1'));
  });

  it('gives a fresh id without a key', () =>
    expect(commentIdFor(ana, null)).not.toBe(commentIdFor(ana, null)));
});
