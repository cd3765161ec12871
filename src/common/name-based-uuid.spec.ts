import { nameBasedUuid } from './name-based-uuid.js';

describe('nameBasedUuid', () => {
  it('makes RFC 9562 version 5 UUIDs (the DNS namespace example)', () =>
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    ));
});
