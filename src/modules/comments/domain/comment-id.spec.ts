import { commentIdFor, nameBasedUuid } from './comment-id.js';

const ana = '6a0e1f3c-0000-4000-8000-000000000001';
const ben = '6a0e1f3c-0000-4000-8000-000000000002';

describe('comment ids', () => {
  it('makes RFC 9562 version 5 UUIDs (the DNS namespace example)', () =>
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    ));

  it('gives the same id for the same author and key, another for another author or key', () => {
    expect(commentIdFor(ana, 'key-1')).toBe(commentIdFor(ana, 'key-1'));
    expect(commentIdFor(ben, 'key-1')).not.toBe(commentIdFor(ana, 'key-1'));
    expect(commentIdFor(ana, 'key-2')).not.toBe(commentIdFor(ana, 'key-1'));
  });

  it('gives a fresh id without a key', () =>
    expect(commentIdFor(ana, null)).not.toBe(commentIdFor(ana, null)));
});
