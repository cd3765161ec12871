import { Get, Param, Post, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { RequestExport } from '../../modules/exports/commands/request-export/request-export.command.js';
import { GetExportFile } from '../../modules/exports/queries/get-export-file.query.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { SignInRequired } from '../http/web-metadata.js';
import { WebPages, seeOther, type SeeOther } from '../http/web-page.js';

/** The same commands and queries as /api/v1/me/exports; the status shows on the imports page. */
@WebPages('my/exports')
@SignInRequired()
export class ExportPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  async request(@Actor() { user, context }: Actor): Promise<SeeOther> {
    const requested = await this.commands.execute(new RequestExport(user.id, context));
    return seeOther('/my/imports#export-heading', requested.position);
  }

  @Get(':id/file')
  async file(@CurrentUser() user: SignedInUser, @Param('id') id: string): Promise<StreamableFile> {
    const { fileName, content } = await this.queries.execute(new GetExportFile(id, user.id));
    return new StreamableFile(content, {
      type: 'application/zip',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
