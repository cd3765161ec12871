import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { RunningApp } from '../catalogue/search-load.js';
import { summarizeLatencies, type LatencySummary } from '../store/latency.js';
import type { LoadMember } from './members.js';

/** Between two reads of the read models while waiting for a change. */
const POLL_MS = 2;
/** Between one change seen and the next command. */
const PAUSE_MS = 20;
/** A change not visible by then counts as a timeout (and as this long in the percentiles). */
const GIVE_UP_MS = 5_000;

const POLL = `
  SELECT
    coalesce((SELECT favourites FROM film_stats WHERE film_id = $1), 0) AS film_favourites,
    coalesce((SELECT favourite FROM user_film_state WHERE user_id = $2 AND film_id = $1), false) AS favourite,
    coalesce((SELECT favourites FROM user_stats WHERE user_id = $2), 0) AS member_favourites`;

interface PollRow {
  film_favourites: number;
  favourite: boolean;
  member_favourites: number;
}

export interface FreshnessFigures {
  readonly probes: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** The probe's own command round trips, under the load. */
  readonly commandMs: LatencySummary;
  /** From the command's response to its effect visible in film_stats. */
  readonly filmStatsMs: LatencySummary;
  /** …and in user_film_state and user_stats as well. */
  readonly allThreeMs: LatencySummary;
}

/**
 * A member of its own, on a film no one else touches, favourites and unfavourites it in turn;
 * after each response it reads the three read models straight from PostgreSQL every few
 * milliseconds until they show the change.
 */
export class FreshnessProbe {
  private readonly stopping = new AbortController();
  private readonly commandMs: number[] = [];
  private readonly filmStatsMs: number[] = [];
  private readonly allThreeMs: number[] = [];
  private timeouts = 0;
  private non2xx = 0;
  private readonly running: Promise<void>;

  constructor(
    private readonly app: RunningApp,
    private readonly url: string,
    private readonly member: LoadMember,
    private readonly filmId: string,
  ) {
    this.running = this.run();
  }

  async stop(): Promise<FreshnessFigures> {
    this.stopping.abort();
    await this.running;
    return {
      probes: this.filmStatsMs.length,
      timeouts: this.timeouts,
      non2xx: this.non2xx,
      commandMs: summarizeLatencies(this.commandMs),
      filmStatsMs: summarizeLatencies(this.filmStatsMs),
      allThreeMs: summarizeLatencies(this.allThreeMs),
    };
  }

  private async run(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'filmlog-bench-probe' });
    await client.connect();
    try {
      let favourite = false;
      while (!this.stopping.signal.aborted) {
        const begin = performance.now();
        const response = await fetch(`${this.app.baseUrl}/api/v1/films/${this.filmId}/favourite`, {
          method: favourite ? 'DELETE' : 'PUT',
          headers: { authorization: `Bearer ${this.member.token}` },
        });
        await response.arrayBuffer();
        const answered = performance.now();
        if (!response.ok) {
          this.non2xx += 1;
        } else {
          favourite = !favourite;
          this.commandMs.push(answered - begin);
          await this.waitUntilVisible(client, favourite, answered);
        }
        await sleep(PAUSE_MS);
      }
    } finally {
      await client.end();
    }
  }

  private async waitUntilVisible(client: pg.Client, favourite: boolean, answered: number): Promise<void> {
    const count = favourite ? 1 : 0;
    let filmStatsAt: number | null = null;
    for (;;) {
      const row = (await client.query<PollRow>(POLL, [this.filmId, this.member.id])).rows[0]!;
      const now = performance.now();
      if (filmStatsAt === null && row.film_favourites === count) filmStatsAt = now;
      if (filmStatsAt !== null && row.favourite === favourite && row.member_favourites === count) {
        this.filmStatsMs.push(filmStatsAt - answered);
        this.allThreeMs.push(now - answered);
        return;
      }
      if (now - answered > GIVE_UP_MS) {
        this.timeouts += 1;
        this.filmStatsMs.push((filmStatsAt ?? now) - answered);
        this.allThreeMs.push(now - answered);
        return;
      }
      await sleep(POLL_MS);
    }
  }
}
