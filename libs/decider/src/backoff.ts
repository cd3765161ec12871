/** Exponential backoff: the ceiling doubles from `baseMs` per attempt up to `capMs`. */
export interface Backoff {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5, capMs: 100 };

/**
 * How long to wait after the given failed attempt (1-based): "full jitter", a uniform draw
 * below the ceiling, so writers that collided once spread out instead of colliding again.
 */
export const backoffDelay = (attempt: number, backoff: Backoff, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(backoff.capMs, backoff.baseMs * 2 ** (attempt - 1)));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
