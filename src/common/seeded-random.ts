/**
 * A small seeded generator (mulberry32): the same seed draws the same catalogue, community or
 * benchmark data on every machine, which is what lets a second seed run find what the first made.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A fraction in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.pick(items));
    return [...chosen];
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /**
   * `count` distinct indexes drawn in proportion to `weights`, heaviest-drawn first (a key of
   * u^(1/w) per item, the top keys win), so popular items are chosen by many and the tail by few.
   */
  weightedSample(weights: readonly number[], count: number, allowed?: (index: number) => boolean): number[] {
    const keyed: { index: number; key: number }[] = [];
    weights.forEach((weight, index) => {
      if (weight <= 0 || (allowed && !allowed(index))) return;
      keyed.push({ index, key: Math.log(this.next() || Number.MIN_VALUE) / weight });
    });
    keyed.sort((a, b) => b.key - a.key);
    return keyed.slice(0, count).map((item) => item.index);
  }

  /** A new generator whose sequence depends only on this seed and the label. */
  static derived(seed: number, label: string): SeededRandom {
    let hash = seed >>> 0;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return new SeededRandom(hash);
  }
}

/** Zipf-like weights for a ranking: the first few items draw far more than the long tail. */
export const popularityWeights = (count: number, exponent = 1.05, offset = 3): number[] =>
  Array.from({ length: count }, (_, rank) => 1 / (rank + offset) ** exponent);
