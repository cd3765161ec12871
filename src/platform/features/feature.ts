import type { Type } from '@nestjs/common';
import type { Projection } from '#projections';
import type { MigrationInterface } from 'typeorm';
import type { PersonalTextRules } from '../personal-data/personal-text-rules.js';

export type MigrationClass = new () => MigrationInterface;

/**
 * What one feature module brings to the application. Each feature declares its own in
 * `<feature>.feature.ts`; the composition root (src/features.ts) collects them, so the platform
 * below never names a feature.
 */
export interface Feature {
  readonly name: string;
  /** Nest modules with the feature's controllers and handlers (roles api and all). */
  readonly httpModules?: readonly Type[];
  /** Nest modules with the feature's BullMQ processors (roles worker and all). */
  readonly workerModules?: readonly Type[];
  /** Read models the projection engine keeps up to date. */
  readonly projections?: readonly Projection[];
  /** Members' free text the feature's events carry: sealed with the member's key, gone when they are erased. */
  readonly personalText?: Partial<PersonalTextRules>;
  /** The feature's schema changes; the root orders every feature's by timestamp. */
  readonly migrations?: readonly MigrationClass[];
}

/** TypeORM orders migrations by the 13-digit timestamp that ends each class name. */
const timestampOf = (migration: MigrationClass): number => {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match) throw new Error(`Migration ${migration.name} does not end with a 13-digit timestamp`);
  return Number(match[1]);
};

export const inTimestampOrder = (migrations: readonly MigrationClass[]): MigrationClass[] =>
  [...migrations].sort((a, b) => timestampOf(a) - timestampOf(b));
