import type { LoadFigures } from '../film-log/http-load.js';
import type { WriteFigures } from './loads.js';

/** One load over every round: the rounds' figures, and what they add up to. */
export type Pooled<Figures> = Figures & { readonly rounds: readonly Figures[] };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Requests over seconds of every round; p50, p90 and p99 the median of the rounds' (a round that
 * another process on the machine disturbed moves it least); max the largest; failures summed.
 */
export function poolLoads(rounds: readonly LoadFigures[]): Pooled<LoadFigures> {
  const seconds = sum(rounds.map((round) => round.seconds));
  const requests = sum(rounds.map((round) => round.requests));
  const statusCodes: Record<string, number> = {};
  for (const round of rounds) {
    for (const [code, count] of Object.entries(round.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  return {
    connections: rounds[0]!.connections,
    seconds,
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p90Ms: median(rounds.map((round) => round.p90Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    maxMs: Math.max(...rounds.map((round) => round.maxMs)),
    non2xx: sum(rounds.map((round) => round.non2xx)),
    errors: sum(rounds.map((round) => round.errors)),
    statusCodes,
    rounds,
  };
}

export function poolWrites(rounds: readonly WriteFigures[]): Pooled<WriteFigures> {
  const load = poolLoads(rounds.map((round) => round.load));
  const events = sum(rounds.map((round) => round.events));
  return {
    load,
    puts: sum(rounds.map((round) => round.puts)),
    deletes: sum(rounds.map((round) => round.deletes)),
    events,
    eventsPerSecond: events / load.seconds,
    rounds,
  };
}
