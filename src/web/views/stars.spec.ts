import { stars, starsLabel } from './stars.js';

describe('stars', () => {
  it('draws whole stars and a half', () => {
    expect([0.5, 1, 3.5, 5].map(stars)).toEqual(['½', '★', '★★★½', '★★★★★']);
  });

  it('names them for screen readers', () => {
    expect([0.5, 1, 4.5].map(starsLabel)).toEqual(['0.5 stars', '1 star', '4.5 stars']);
  });
});
