import { isCanonicalUuid, isUuid } from './uuid.js';

describe('UUID checks', () => {
  const lower = '5f1f0c8e-3b9a-4c53-8a3e-0d6a4c1b9e77';

  it('takes a UUID in any case as an id', () => {
    expect(isUuid(lower)).toBe(true);
    expect(isUuid(lower.toUpperCase())).toBe(true);
    for (const other of ['', 'paris-2008', `${lower}0`, lower.replaceAll('-', ''), 42, null]) {
      expect(isUuid(other)).toBe(false);
    }
  });

  it('takes only lower case inside a cursor', () => {
    expect(isCanonicalUuid(lower)).toBe(true);
    expect(isCanonicalUuid(lower.toUpperCase())).toBe(false);
    expect(isCanonicalUuid('paris-2008')).toBe(false);
  });
});
