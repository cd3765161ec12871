import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { exportDecider } from '../../domain/export.decider.js';
import { exportStream } from '../../domain/export.events.js';
import type { ExportRequestedResponse } from '../../exports.response.js';

/** A member asks for an archive of their data; a job builds it. */
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
  constructor(private readonly runner: PositionedCommandRunner) {}

  async execute({ memberId, context }: RequestExport): Promise<ExportRequestedResponse> {
    const id = randomUUID();
    const result = await this.runner.run({
      decider: exportDecider,
      streamId: exportStream(id),
      command: { type: 'RequestExport', memberId },
      context,
    });
    return { id, position: result.position };
  }
}
