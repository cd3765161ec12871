import { communityUsernames } from './names.js';

describe('communityUsernames', () => {
  it('is the same for a seed, and distinct without regard to case', () => {
    const names = communityUsernames(3, 500);

    expect(communityUsernames(3, 500)).toEqual(names);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(500);
  });

  it('answers names a member could register, never a reserved one', () => {
    for (const name of communityUsernames(11, 300, ['ada_reel'])) {
      expect(name).toMatch(/^[a-zA-Z0-9_]{3,30}$/);
      expect(name.toLowerCase()).not.toBe('ada_reel');
    }
  });
});
