import { createHash, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { CommandContext } from '#decider';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { READ_MODEL_POOL } from '../../../../platform/database/database.module.js';
import { importDecider } from '../../domain/import.decider.js';
import { importStream } from '../../domain/import.events.js';
import type { ImportStartedResponse } from '../../imports.response.js';
import { ImportFileError } from '../../parsing/import-file.error.js';
import { recogniseSource } from './recognise-source.js';

export interface Upload {
  readonly bytes: Buffer;
  readonly fileName: string;
}

/** A member uploads an export; it is stored and queued, and read by a job. */
export class StartImport extends Command<ImportStartedResponse> {
  constructor(
    readonly memberId: string,
    readonly upload: Upload,
    readonly source: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(StartImport)
export class StartImportHandler implements ICommandHandler<StartImport> {
  constructor(
    private readonly runner: PositionedCommandRunner,
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
  ) {}

  async execute({ memberId, upload, source, context }: StartImport): Promise<ImportStartedResponse> {
    let recognised;
    try {
      recognised = recogniseSource(upload.bytes, source);
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new InvalidInputException([{ field: error.field, message: error.reason }]);
      throw error;
    }
    const importId = randomUUID();
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    // The file first: the job the event queues finds it. An append that fails leaves a file no job
    // reads, which is harmless.
    await this.pool.query(
      `INSERT INTO import_files (import_id, member_id, file_name, sha256, content) VALUES ($1, $2, $3, $4, $5)`,
      [importId, memberId, upload.fileName, sha256, upload.bytes],
    );
    const result = await this.runner.run({
      decider: importDecider,
      streamId: importStream(importId),
      command: {
        type: 'StartImport',
        memberId,
        source: recognised,
        fileName: upload.fileName,
        sha256,
        size: upload.bytes.length,
      },
      context,
    });
    return { importId, position: result.position };
  }
}
