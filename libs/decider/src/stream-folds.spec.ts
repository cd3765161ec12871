import { StreamFolds } from './stream-folds.js';

const fold = (revision: bigint | null, films: readonly string[] = []) => ({
  state: { films },
  revision,
  position: revision === null ? null : `p${revision}`,
});

describe('StreamFolds', () => {
  it('keeps the latest fold of a stream and never goes back to an earlier revision', () => {
    const folds = new StreamFolds<{ films: readonly string[] }>();
    folds.remember('list-1', fold(3n, ['ran']));
    folds.remember('list-1', fold(2n, ['stale']));
    expect(folds.get('list-1')).toEqual(fold(3n, ['ran']));
    folds.remember('list-1', fold(4n, ['ran', 'ikiru']));
    expect(folds.get('list-1')).toEqual(fold(4n, ['ran', 'ikiru']));
  });

  it('keeps nothing for an empty stream', () => {
    const folds = new StreamFolds<{ films: readonly string[] }>();
    folds.remember('list-1', fold(null));
    expect(folds.get('list-1')).toBeUndefined();
  });

  it('lets the least recently used stream go beyond its capacity', () => {
    const folds = new StreamFolds<{ films: readonly string[] }>(2);
    folds.remember('list-1', fold(0n));
    folds.remember('list-2', fold(0n));
    folds.get('list-1');
    folds.remember('list-3', fold(0n));
    expect([folds.get('list-1'), folds.get('list-2'), folds.get('list-3')].map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
  });
});
