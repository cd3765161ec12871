import { HttpException } from '@nestjs/common';
import { DomainRuleViolation } from '#decider';

export const CREATED_KINDS = [
  'members',
  'checks',
  'favourites',
  'dislikes',
  'watchlist',
  'ratings',
  'diaryEntries',
  'reviews',
  'follows',
  'comments',
  'lists',
  'listItems',
  'plannedScreenings',
  'officialLists',
] as const;
export type CreatedKind = (typeof CREATED_KINDS)[number];

export interface CommunityCounts {
  readonly created: Readonly<Record<CreatedKind, number>>;
  readonly alreadyThere: { readonly members: number; readonly officialLists: number };
  readonly refused: number;
  /** The first few refusals, to say why. */
  readonly refusals: readonly string[];
}

const REFUSALS_KEPT = 5;

/** What a run did: counts per kind, and the commands the application refused. */
export class Tally {
  private readonly created = Object.fromEntries(CREATED_KINDS.map((kind) => [kind, 0])) as Record<
    CreatedKind,
    number
  >;
  private readonly existing = { members: 0, officialLists: 0 };
  private refusedCount = 0;
  private readonly refusals: string[] = [];

  add(kind: CreatedKind, count = 1): void {
    this.created[kind] += count;
  }

  found(kind: 'members' | 'officialLists'): void {
    this.existing[kind] += 1;
  }

  /**
   * Runs one command and counts it when it succeeds. A refusal by the application (a rule of a
   * decider, or an HTTP-style refusal from a handler) is counted and the seed goes on; anything
   * else (the database is gone) ends the run.
   */
  async attempt<T>(kind: CreatedKind | null, what: string, command: () => Promise<T>): Promise<T | null> {
    try {
      const result = await command();
      if (kind !== null) this.add(kind);
      return result;
    } catch (error) {
      if (!(error instanceof DomainRuleViolation || error instanceof HttpException)) throw error;
      this.refusedCount += 1;
      if (this.refusals.length < REFUSALS_KEPT) this.refusals.push(`${what}: ${error.message}`);
      return null;
    }
  }

  counts(): CommunityCounts {
    return {
      created: { ...this.created },
      alreadyThere: { ...this.existing },
      refused: this.refusedCount,
      refusals: [...this.refusals],
    };
  }
}
