import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { CommandContext } from '#decider';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { READ_MODEL_POOL } from '../../../../platform/database/database.module.js';
import { exportDecider } from '../../domain/export.decider.js';
import { exportStream } from '../../domain/export.events.js';
import type { ExportRequestedResponse } from '../../exports.response.js';

/**
 * A member asks for an archive of their data; a job builds it. Asking again while one of theirs
 * waits or is being written answers that one: each archive reads the whole event log, and a
 * second one would hold the same.
 */
export class RequestExport extends Command<ExportRequestedResponse> {
  constructor(
    readonly memberId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RequestExport)
export class RequestExportHandler implements ICommandHandler<RequestExport> {
  constructor(
    private readonly runner: PositionedCommandRunner,
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ memberId, context }: RequestExport): Promise<ExportRequestedResponse> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM exports WHERE member_id = $1 AND status IN ('queued', 'running')
        ORDER BY created_at DESC LIMIT 1`,
      [memberId],
    );
    // On an export that exists, the command changes nothing and answers the stream's position.
    const id = rows[0]?.id ?? randomUUID();
    const result = await this.runner.run({
      decider: exportDecider,
      streamId: exportStream(id),
      command: { type: 'RequestExport', memberId },
      context,
    });
    return { id, position: result.position };
  }
}
