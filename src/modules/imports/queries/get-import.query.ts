import { Inject, NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import { isUuid } from '../../../common/uuid.js';
import type { ImportView } from '../imports.response.js';
import { IMPORT_COLUMNS, toImportView, type ImportRow } from './import-rows.js';

/** One of the member's imports; another member's is as missing as one that never was. */
export class GetImport extends Query<ImportView> {
  constructor(
    readonly importId: string,
    readonly memberId: string,
  ) {
    super();
  }
}

@QueryHandler(GetImport)
export class GetImportHandler implements IQueryHandler<GetImport> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ importId, memberId }: GetImport): Promise<ImportView> {
    const row = isUuid(importId)
      ? (
          await this.pool.query<ImportRow>({
            name: 'import-of-member',
            text: `SELECT ${IMPORT_COLUMNS} FROM imports AS i WHERE i.id = $1 AND i.member_id = $2`,
            values: [importId.toLowerCase(), memberId],
          })
        ).rows[0]
      : undefined;
    if (!row) throw new NotFoundException('No import of yours has that id.');
    return toImportView(row);
  }
}
