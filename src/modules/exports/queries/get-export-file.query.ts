import type { Readable } from 'node:stream';
import { ConflictException, NotFoundException } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ExportFiles } from '../export-files.js';
import { GetExport } from './get-export.query.js';

export interface ExportFile {
  readonly fileName: string;
  readonly content: Readable;
}

/** The archive of one of the member's exports, once it is complete. */
export class GetExportFile extends Query<ExportFile> {
  constructor(
    readonly exportId: string,
    readonly memberId: string,
  ) {
    super();
  }
}

@QueryHandler(GetExportFile)
export class GetExportFileHandler implements IQueryHandler<GetExportFile> {
  constructor(
    private readonly queries: QueryBus,
    private readonly files: ExportFiles,
  ) {}

  async execute({ exportId, memberId }: GetExportFile): Promise<ExportFile> {
    const view = await this.queries.execute(new GetExport(exportId, memberId));
    if (view.status !== 'completed')
      throw new ConflictException(`The export is ${view.status}: its file is there once it is completed.`);
    if (!(await this.files.has(view.id))) throw new NotFoundException('The export’s file is no longer kept.');
    return {
      fileName: `filmlog-export-${view.createdAt.slice(0, 10)}.zip`,
      content: this.files.read(view.id),
    };
  }
}
