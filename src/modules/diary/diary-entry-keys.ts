import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { isUuid } from '../../common/uuid.js';
import { READ_MODEL_POOL } from '../../platform/database/database.module.js';

/** The member and film whose film-log stream holds a diary entry. */
export interface DiaryEntryKey {
  readonly userId: string;
  readonly filmId: string;
}

/**
 * Where each diary entry lives. Written before the entry's event is appended, so it is there as
 * soon as the entry is; an append that then fails leaves a key to no entry, which reads as an
 * unknown entry. Not a projection: nothing rebuilds it (ADR 0015).
 */
/** Writes the keys of entries about to be appended; a key written before is left as it is. */
export async function reserveDiaryEntryKeys(
  pool: Pick<pg.Pool, 'query'>,
  entries: readonly ({ readonly id: string } & DiaryEntryKey)[],
): Promise<void> {
  if (entries.length === 0) return;
  await pool.query({
    name: 'diary-entry-keys-reserve',
    text: `INSERT INTO diary_entry_keys (id, user_id, film_id)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[])
           ON CONFLICT (id) DO NOTHING`,
    values: [
      entries.map((entry) => entry.id),
      entries.map((entry) => entry.userId),
      entries.map((entry) => entry.filmId),
    ],
  });
}

@Injectable()
export class DiaryEntryKeys {
  constructor(@Inject(READ_MODEL_POOL) private readonly pool: pg.Pool) {}

  reserve(entries: readonly ({ readonly id: string } & DiaryEntryKey)[]): Promise<void> {
    return reserveDiaryEntryKeys(this.pool, entries);
  }

  /** Null for an id no entry was ever given (or text that is not an id). */
  async find(id: string): Promise<DiaryEntryKey | null> {
    if (!isUuid(id)) return null;
    const { rows } = await this.pool.query<{ user_id: string; film_id: string }>({
      name: 'diary-entry-keys-find',
      text: 'SELECT user_id, film_id FROM diary_entry_keys WHERE id = $1',
      values: [id.toLowerCase()],
    });
    const row = rows[0];
    return row ? { userId: row.user_id, filmId: row.film_id } : null;
  }
}
