import { setTimeout as sleep } from 'node:timers/promises';
import { forEachBounded, mapBounded } from './bounded.js';

describe('forEachBounded and mapBounded', () => {
  it('keeps at most the given number of calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await forEachBounded([5, 1, 4, 2, 3, 1], 2, async (ms) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(ms);
      inFlight -= 1;
    });
    expect(most).toBe(2);
  });

  it('answers each result at its item’s index, whichever call ends first', async () => {
    const results = await mapBounded([30, 1, 20, 5], 4, async (ms, index) => {
      await sleep(ms);
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:1', '2:20', '3:5']);
  });

  it('rethrows the first failure once the calls in flight settled, starting no more', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = mapBounded([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      await sleep(item === 1 ? 1 : 20);
      settled += 1;
      if (item === 1) throw new Error('first');
      return item;
    });
    await expect(run).rejects.toThrow('first');
    expect(started).toEqual([1, 2]);
    expect(settled).toBe(2);
  });
});
