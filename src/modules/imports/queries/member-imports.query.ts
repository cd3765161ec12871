import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  cursorColumns,
  pageOf,
  pageWindow,
  type Page,
  type PageRequest,
} from '../../../common/paging/index.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';
import type { ImportView } from '../imports.response.js';
import { IMPORT_COLUMNS, toImportView, type ImportRow } from './import-rows.js';

/** The member's imports, newest first. */
export class GetMemberImports extends Query<Page<ImportView>> {
  constructor(
    readonly memberId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetMemberImports)
export class GetMemberImportsHandler implements IQueryHandler<GetMemberImports> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ memberId, page }: GetMemberImports): Promise<Page<ImportView>> {
    const window = pageWindow(page);
    const { rows } = await this.pool.query<ImportRow & { cursor_at: string; cursor_id: string }>({
      name: 'imports-of-member',
      text: `SELECT ${IMPORT_COLUMNS}, ${cursorColumns('i.created_at', 'i.id')}
             FROM imports AS i
             WHERE i.member_id = $4 AND (i.created_at, i.id) < ($1::timestamptz, $2::uuid)
             ORDER BY i.created_at DESC, i.id DESC LIMIT $3`,
      values: [window.from.at, window.from.id, window.limit + 1, memberId],
    });
    return pageOf(rows, window.limit, toImportView);
  }
}
