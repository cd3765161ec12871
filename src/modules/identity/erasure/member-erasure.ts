import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandRunner } from '#decider';
import type { Position } from '#event-store';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../../platform/database/database.module.js';
import { commandContext } from '../../../platform/commands/command-context.js';
import { MemberKeys } from '../../../platform/personal-data/member-keys.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { MemberAccessCache } from '../auth/member-access-cache.js';
import { memberDecider } from '../domain/member.decider.js';
import { memberStream } from '../domain/member.events.js';

/**
 * Erasure in three steps, each safe to repeat (docs/adr/0022):
 * 1. the account row goes and the erasure is recorded, in one transaction: from then on the member
 *    cannot sign in, every token of theirs is refused, and no key is ever made for them again;
 * 2. `MemberErased` is appended: every projection forgets the member (and a rebuild does again);
 * 3. the member's key is destroyed: whatever their events sealed is unreadable everywhere.
 * A process that stops between the steps leaves an erasure whose key still exists; the next start
 * finishes it.
 */
@Injectable()
export class MemberErasure implements OnApplicationBootstrap {
  private readonly logger = new Logger(MemberErasure.name);

  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly runner: CommandRunner,
    private readonly keys: MemberKeys,
    private readonly access: MemberAccessCache,
    private readonly accounts: AccountsRepository,
  ) {}

  async erase(memberId: string, correlationId?: string): Promise<Position | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO member_erasures (member_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
        memberId,
      ]);
      await this.accounts.delete(memberId, client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.access.forget(memberId);
    return this.finish(memberId, correlationId);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { rows } = await this.pool.query<{ member_id: string }>(
      `SELECT e.member_id FROM member_erasures e JOIN member_keys k USING (member_id)`,
    );
    for (const { member_id: memberId } of rows) {
      this.logger.warn({ memberId }, 'finishing an erasure that was interrupted');
      await this.finish(memberId);
    }
  }

  private async finish(memberId: string, correlationId?: string): Promise<Position | null> {
    const { position } = await this.runner.run({
      decider: memberDecider,
      streamId: memberStream(memberId),
      command: { type: 'EraseMember' },
      context: commandContext(memberId, { id: correlationId }),
    });
    await this.keys.destroy(memberId);
    return position;
  }
}
