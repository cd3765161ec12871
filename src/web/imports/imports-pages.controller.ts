import { Body, Get, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { PageRequest } from '../../common/paging/index.js';
import { GetLatestExport } from '../../modules/exports/queries/latest-export.query.js';
import { StartImport } from '../../modules/imports/commands/start-import/start-import.command.js';
import { StartImportRequest } from '../../modules/imports/imports.request.js';
import { GetImport } from '../../modules/imports/queries/get-import.query.js';
import { GetMemberImports } from '../../modules/imports/queries/member-imports.query.js';
import { uploadedFileName } from '../../modules/imports/uploaded-file-name.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { UploadInterceptor } from '../../platform/http/upload.interceptor.js';
import { fieldText, formFailureOf, formInput, type FormFailure } from '../http/forms.js';
import { WebCsrf } from '../http/web-csrf.js';
import { CsrfCheckedByHandler, SignInRequired } from '../http/web-metadata.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import type { WebRequest } from '../http/web-request.js';
import { ImportPageView, ImportsPageView, type ImportsPageViewProps } from './import-views.js';

/** What the upload interceptor hands over with memory storage (the fields used here). */
interface UploadedExport {
  readonly buffer: Buffer;
  readonly originalname: string;
}

/** Unmatched rows (and unreadable ones) per page of an import's result; the module keeps up to 1,000. */
export const RESULT_ROWS_PER_PAGE = 100;

const importPath = (id: string): string => `/my/imports/${encodeURIComponent(id)}`;

/** An offset into the result's rows, as this page gives it out in its "next rows" link. */
function resultOffset(cursor: unknown): number {
  if (cursor === undefined) return 0;
  if (typeof cursor === 'string' && /^(0|[1-9]\d{0,5})$/.test(cursor)) return Number(cursor);
  throw new InvalidInputException([{ field: 'cursor', message: 'cursor must be a link given by this page' }]);
}

/** The same commands and queries as /api/v1/imports, for the signed-in member. */
@WebPages('my/imports')
@SignInRequired()
export class ImportPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly csrf: WebCsrf,
  ) {}

  @Get()
  async imports(@CurrentUser() user: SignedInUser, @Query('cursor') cursor: unknown) {
    return view(ImportsPageView, await this.importsPage(user, cursor));
  }

  @Post()
  @CsrfCheckedByHandler()
  @UseInterceptors(UploadInterceptor('file'))
  async start(
    @Actor() { user, context }: Actor,
    @Req() request: WebRequest,
    @UploadedFile() file: UploadedExport | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<SeeOther | PageResult> {
    // The form's token arrives in the multipart body, which the upload interceptor has only now read.
    this.csrf.verify(request);
    try {
      const input = await formInput(StartImportRequest, body, { dropEmpty: ['source'] });
      if (!file || file.buffer.length === 0)
        throw new InvalidInputException([{ field: 'file', message: 'Choose the exported file to import.' }]);
      const upload = { bytes: file.buffer, fileName: uploadedFileName(file.originalname) };
      const started = await this.commands.execute(new StartImport(user.id, upload, input.source, context));
      return seeOther(importPath(started.importId), started.position);
    } catch (error) {
      const failure: FormFailure = formFailureOf(error);
      const page = await this.importsPage(user, undefined, { failure, source: fieldText(body?.source) });
      return new PageResult(view(ImportsPageView, page), failure.status);
    }
  }

  @Get(':id')
  async import(@CurrentUser() user: SignedInUser, @Param('id') id: string, @Query('cursor') cursor: unknown) {
    const offset = resultOffset(cursor);
    const found = await this.queries.execute(new GetImport(id, user.id));
    const rows = Math.max(found.unmatched.length, found.rowErrors.length);
    const here = importPath(found.id);
    return view(ImportPageView, {
      item: found,
      offset,
      rowsPerPage: RESULT_ROWS_PER_PAGE,
      firstHref: offset > 0 ? here : null,
      nextHref:
        offset + RESULT_ROWS_PER_PAGE < rows ? `${here}?cursor=${offset + RESULT_ROWS_PER_PAGE}` : null,
    });
  }

  private async importsPage(
    user: SignedInUser,
    cursor: unknown,
    form: Pick<ImportsPageViewProps, 'failure' | 'source'> = {},
  ): Promise<ImportsPageViewProps> {
    const page = await formInput(PageRequest, cursor === undefined ? {} : { cursor });
    const imports = await this.queries.execute(new GetMemberImports(user.id, page));
    return {
      ...form,
      imports: imports.items,
      latestExport: await this.queries.execute(new GetLatestExport(user.id)),
      firstHref: cursor === undefined ? null : '/my/imports',
      nextHref:
        imports.nextCursor === null ? null : `/my/imports?cursor=${encodeURIComponent(imports.nextCursor)}`,
    };
  }
}
