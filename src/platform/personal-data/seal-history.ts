import type pg from 'pg';
import { MemberErasedError, type MemberKeys } from './member-keys.js';
import type { PersonalTextRules } from './personal-text-rules.js';
import { isSealedText, sealValue } from './sealed-text.js';

const BATCH = 500;

interface EventRow {
  global_position: string;
  stream_id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface SealedHistory {
  /** Events whose plain personal text was sealed. */
  readonly sealed: number;
  /** Events left as they were: their owner was erased, so no key may be made for them. */
  readonly skipped: number;
}

/**
 * Seals the personal text that events written before sealing existed still hold in plain, in the
 * PostgreSQL event store (docs/adr/0022). Events are otherwise never changed; this rewrites only
 * those fields, in place, in batches of their own transactions, and can run again: sealed fields
 * are left alone. Readers see the same text before and after.
 */
export async function sealHistory(
  pool: pg.Pool,
  keys: MemberKeys,
  rules: PersonalTextRules,
  onProgress: (done: number) => void = () => undefined,
): Promise<SealedHistory> {
  const types = Object.keys(rules.events);
  const founders = new Map<string, Record<string, unknown> | null>();
  let after = '0';
  let sealed = 0;
  let skipped = 0;
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT global_position::text, stream_id, type, data FROM events
        WHERE type = ANY($1::text[]) AND global_position > $2::bigint
        ORDER BY global_position LIMIT $3`,
      [types, after, BATCH],
    );
    if (rows.length === 0) return { sealed, skipped };
    after = rows.at(-1)!.global_position;
    const updates: { position: string; data: Record<string, unknown> }[] = [];
    for (const row of rows) {
      const rule = rules.events[row.type]!;
      const plain = rule.fields.filter((field) => {
        const value = row.data[field];
        return value !== null && value !== undefined && !isSealedText(value);
      });
      if (plain.length === 0) continue;
      const owner =
        rule.owner === 'stream'
          ? await streamOwner(pool, rules, founders, row.stream_id)
          : rule.owner(row.data);
      if (owner === null) continue;
      let key: Buffer;
      try {
        key = await keys.keyFor(owner);
      } catch (error) {
        if (!(error instanceof MemberErasedError)) throw error;
        skipped += 1;
        continue;
      }
      const data = { ...row.data };
      for (const field of plain) data[field] = sealValue(data[field], key, owner);
      updates.push({ position: row.global_position, data });
    }
    if (updates.length > 0) {
      await pool.query(
        `UPDATE events e SET data = u.data
           FROM unnest($1::bigint[], $2::jsonb[]) AS u(global_position, data)
          WHERE e.global_position = u.global_position`,
        [updates.map((update) => update.position), updates.map((update) => JSON.stringify(update.data))],
      );
      sealed += updates.length;
    }
    onProgress(sealed);
  }
}

async function streamOwner(
  pool: pg.Pool,
  rules: PersonalTextRules,
  founders: Map<string, Record<string, unknown> | null>,
  streamId: string,
): Promise<string | null> {
  const family = rules.streams.find((rule) => streamId.startsWith(rule.prefix));
  if (!family) return null;
  if (!founders.has(streamId)) {
    if (founders.size >= 50_000) founders.clear();
    const { rows } = await pool.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM events WHERE stream_id = $1 AND stream_revision = 0`,
      [streamId],
    );
    founders.set(streamId, rows[0]?.type === family.founder ? rows[0].data : null);
  }
  const founder = founders.get(streamId);
  return founder ? family.owner(founder) : null;
}
