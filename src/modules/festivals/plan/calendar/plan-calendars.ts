import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../../../platform/database/database.module.js';

export interface CalendarOwner {
  readonly ownerId: string;
  readonly editionId: string;
}

/** base64url of 32 random bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Calendar subscription tokens, one per member and edition. A token is a secret, so only its
 * SHA-256 is kept (outside the events): a leaked table gives no working URL.
 */
@Injectable()
export class PlanCalendars {
  // The primary: a token issued a moment ago must work at once.
  constructor(@Inject(READ_MODEL_POOL) private readonly pool: pg.Pool) {}

  /** A new token for the member's plan of that edition; the one before stops working. */
  async issue(ownerId: string, editionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.pool.query({
      name: 'festival-plan-calendar-issue',
      text: `INSERT INTO festival_plan_calendars (owner_id, edition_id, token_hash, created_at)
             VALUES ($1, $2, $3, now())
             ON CONFLICT (owner_id, edition_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
               created_at = EXCLUDED.created_at`,
      values: [ownerId, editionId, hashOf(token)],
    });
    return token;
  }

  async revoke(ownerId: string, editionId: string): Promise<void> {
    await this.pool.query({
      name: 'festival-plan-calendar-revoke',
      text: `DELETE FROM festival_plan_calendars WHERE owner_id = $1 AND edition_id = $2`,
      values: [ownerId, editionId],
    });
  }

  /** Whose plan a token opens; null for a token never issued, revoked, or not even well formed. */
  async find(token: string): Promise<CalendarOwner | null> {
    if (!TOKEN.test(token)) return null;
    const { rows } = await this.pool.query<{ owner_id: string; edition_id: string }>({
      name: 'festival-plan-calendar-find',
      text: `SELECT owner_id, edition_id FROM festival_plan_calendars WHERE token_hash = $1`,
      values: [hashOf(token)],
    });
    const row = rows[0];
    return row === undefined ? null : { ownerId: row.owner_id, editionId: row.edition_id };
  }
}
