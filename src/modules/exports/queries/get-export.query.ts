import { Inject, NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { isUuid } from '../../../common/uuid.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import type { ExportStatus, ExportView } from '../exports.response.js';

interface ExportRow {
  id: string;
  status: ExportStatus;
  done: number;
  total: number;
  bytes: string | null;
  failure: string | null;
  created_at: Date;
  completed_at: Date | null;
}

/** One of the member's exports; another member's is as missing as one that never was. */
export class GetExport extends Query<ExportView> {
  constructor(
    readonly exportId: string,
    readonly memberId: string,
  ) {
    super();
  }
}

@QueryHandler(GetExport)
export class GetExportHandler implements IQueryHandler<GetExport> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ exportId, memberId }: GetExport): Promise<ExportView> {
    const row = isUuid(exportId)
      ? (
          await this.pool.query<ExportRow>({
            name: 'export-of-member',
            text: `SELECT id, status, done, total, bytes, failure, created_at, completed_at
                     FROM exports WHERE id = $1 AND member_id = $2`,
            values: [exportId.toLowerCase(), memberId],
          })
        ).rows[0]
      : undefined;
    if (!row) throw new NotFoundException('No export of yours has that id.');
    return {
      id: row.id,
      status: row.status,
      progress: { done: row.done, total: row.total },
      ...(row.bytes === null ? {} : { bytes: Number(row.bytes) }),
      ...(row.failure === null ? {} : { failure: row.failure }),
      createdAt: row.created_at.toISOString(),
      ...(row.completed_at === null ? {} : { completedAt: row.completed_at.toISOString() }),
    };
  }
}
