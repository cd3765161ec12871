import { Inject } from '@nestjs/common';
import { Query, QueryHandler, QueryBus, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import type { ExportView } from '../exports.response.js';
import { GetExport } from './get-export.query.js';

/** The member's newest export, if they ever asked for one. */
export class GetLatestExport extends Query<ExportView | null> {
  constructor(readonly memberId: string) {
    super();
  }
}

@QueryHandler(GetLatestExport)
export class GetLatestExportHandler implements IQueryHandler<GetLatestExport> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly queries: QueryBus,
  ) {}

  async execute({ memberId }: GetLatestExport): Promise<ExportView | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM exports WHERE member_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [memberId],
    );
    return rows[0] ? this.queries.execute(new GetExport(rows[0].id, memberId)) : null;
  }
}
