import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const COUNTER = new URL('./statement-counter.js', import.meta.url).href;
/** The counters write every 200 ms. */
const SAVE_INTERVAL_MS = 250;

/** Statements sent by the processes started with `nodeArguments` and `env`, by kind. */
export class StatementCounts {
  private readonly directory = mkdtempSync(path.join(os.tmpdir(), 'filmlog-statements-'));

  readonly nodeArguments: readonly string[] = ['--import', COUNTER];

  get env(): Record<string, string> {
    return { FILMLOG_BENCH_STATEMENTS_DIR: this.directory };
  }

  /** Totals so far over every process, once their latest counts are written. */
  async read(): Promise<Map<string, number>> {
    await new Promise((resolve) => setTimeout(resolve, SAVE_INTERVAL_MS));
    const totals = new Map<string, number>();
    for (const file of readdirSync(this.directory).filter((name) => name.endsWith('.json'))) {
      const counts = JSON.parse(readFileSync(path.join(this.directory, file), 'utf8')) as Record<
        string,
        number
      >;
      for (const [kind, count] of Object.entries(counts)) totals.set(kind, (totals.get(kind) ?? 0) + count);
    }
    return totals;
  }
}

/** What was sent between two readings, per request, the most frequent kinds first. */
export function perRequest(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  requests: number,
): { readonly total: number; readonly kinds: readonly { readonly kind: string; readonly count: number }[] } {
  const kinds = [...after]
    .map(([kind, count]) => ({ kind, count: (count - (before.get(kind) ?? 0)) / requests }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
  return { total: kinds.reduce((sum, entry) => sum + entry.count, 0), kinds };
}
