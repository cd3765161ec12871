import type pg from 'pg';
import type { MasterKeys } from './master-keys.js';
import { newDataKey } from './sealed-text.js';

const DEFAULT_CAPACITY = 20_000;

interface KeyRow {
  member_id: string;
  master_key_id: string;
  wrapped: Buffer;
}

/** Refused: the member was erased, and nothing of theirs may be sealed (or read) again. */
export class MemberErasedError extends Error {
  override readonly name = 'MemberErasedError';

  constructor(readonly memberId: string) {
    super(`member ${memberId} was erased`);
  }
}

/**
 * One data key per member, kept wrapped by a master key in `member_keys`; erasure deletes the row,
 * after which nothing the key sealed can be read anywhere. Unwrapped keys are remembered in memory
 * (bounded); a process drops one when it sees the member's erasure go by, or is told to.
 */
export class MemberKeys {
  private readonly unwrapped = new Map<string, Buffer>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly masters: MasterKeys,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** The member's key, made on first use; refused once the member is erased. */
  async keyFor(memberId: string): Promise<Buffer> {
    const known = this.unwrapped.get(memberId);
    if (known) return known;
    const made = this.masters.wrap(newDataKey(), memberId);
    // A concurrent first use keeps whichever key was inserted first; both then read that one.
    const { rows } = await this.pool.query<KeyRow>(
      `WITH made AS (
         INSERT INTO member_keys (member_id, master_key_id, wrapped)
         SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM member_erasures WHERE member_id = $1)
         ON CONFLICT (member_id) DO NOTHING
         RETURNING member_id, master_key_id, wrapped)
       SELECT * FROM made
       UNION ALL
       SELECT member_id, master_key_id, wrapped FROM member_keys WHERE member_id = $1`,
      [memberId, made.masterKeyId, made.wrapped],
    );
    // Nothing: either the member was erased, or another process's first key committed while this
    // statement waited on it, which the statement's own snapshot cannot see; a new one can.
    const row =
      rows[0] ??
      (
        await this.pool.query<KeyRow>(
          `SELECT member_id, master_key_id, wrapped FROM member_keys WHERE member_id = $1`,
          [memberId],
        )
      ).rows[0];
    if (!row) throw new MemberErasedError(memberId);
    return this.remember(row);
  }

  /** The keys of these members that still exist; an erased member has none. */
  async keysOf(memberIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of memberIds) {
      const known = this.unwrapped.get(id);
      if (known) found.set(id, known);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const { rows } = await this.pool.query<KeyRow>(
        `SELECT member_id, master_key_id, wrapped FROM member_keys WHERE member_id = ANY($1::uuid[])`,
        [missing],
      );
      for (const row of rows) found.set(row.member_id, this.remember(row));
    }
    return found;
  }

  forget(memberId: string): void {
    this.unwrapped.delete(memberId);
  }

  /** Erasure's last step: the key goes, and with it every text it sealed. */
  async destroy(memberId: string): Promise<void> {
    await this.pool.query(`DELETE FROM member_keys WHERE member_id = $1`, [memberId]);
    this.forget(memberId);
  }

  /** Re-wraps every key not under the current master key; returns how many it re-wrapped. */
  async rewrapAll(batchSize = 500): Promise<number> {
    let rewrapped = 0;
    for (;;) {
      const { rows } = await this.pool.query<KeyRow>(
        `SELECT member_id, master_key_id, wrapped FROM member_keys
          WHERE master_key_id <> $1 ORDER BY member_id LIMIT $2`,
        [this.masters.currentId, batchSize],
      );
      if (rows.length === 0) return rewrapped;
      const wrapped = rows.map((row) => {
        const key = this.masters.unwrap(
          { masterKeyId: row.master_key_id, wrapped: row.wrapped },
          row.member_id,
        );
        return { id: row.member_id, from: row.master_key_id, ...this.masters.wrap(key, row.member_id) };
      });
      // Compare-and-set on the old master key id: a key erased meanwhile stays erased.
      const result = await this.pool.query(
        `UPDATE member_keys k SET master_key_id = w.master_key_id, wrapped = w.wrapped
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[]) AS w(member_id, from_id, master_key_id, wrapped)
          WHERE k.member_id = w.member_id AND k.master_key_id = w.from_id`,
        [
          wrapped.map((row) => row.id),
          wrapped.map((row) => row.from),
          wrapped.map((row) => row.masterKeyId),
          wrapped.map((row) => row.wrapped),
        ],
      );
      rewrapped += result.rowCount ?? 0;
    }
  }

  private remember(row: KeyRow): Buffer {
    const key = this.masters.unwrap({ masterKeyId: row.master_key_id, wrapped: row.wrapped }, row.member_id);
    if (this.unwrapped.size >= this.capacity) this.unwrapped.delete(this.unwrapped.keys().next().value!);
    this.unwrapped.set(row.member_id, key);
    return key;
  }
}
