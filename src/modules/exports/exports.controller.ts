import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { RequestExport } from './commands/request-export/request-export.command.js';
import {
  ExportRequestedResponseDto,
  ExportResponse,
  type ExportRequestedResponse,
  type ExportView,
} from './exports.response.js';
import { exportsProjection } from './projections/exports.projection.js';
import { GetExportFile } from './queries/get-export-file.query.js';
import { GetExport } from './queries/get-export.query.js';

const EXPORT_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The export id' });
const NOT_YOURS = ApiProblem(404, 'No export of the signed-in member has that id');

@ApiTags('exports')
@Controller('me/exports')
export class ExportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Export your data: a job writes a zip of Letterboxd-format CSVs and filmlog.json; follow it with GET /me/exports/{id}',
  })
  @ApiAcceptedResponse({ type: ExportRequestedResponseDto })
  @SIGNED_IN
  request(@Actor() { user, context }: Actor): Promise<ExportRequestedResponse> {
    return this.commands.execute(new RequestExport(user.id, context));
  }

  @Get(':id')
  @EXPORT_ID
  @ConsistentRead(exportsProjection)
  @ApiOperation({ summary: 'An export’s status and progress (its owner only)' })
  @ApiOkResponse({ type: ExportResponse })
  @SIGNED_IN
  @NOT_YOURS
  get(@CurrentUser() user: SignedInUser, @Param('id') id: string): Promise<ExportView> {
    return this.queries.execute(new GetExport(id, user.id));
  }

  @Get(':id/file')
  @EXPORT_ID
  @ConsistentRead(exportsProjection)
  @ApiOperation({ summary: 'The zip of a completed export (its owner only)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'application/zip', schema: { type: 'string', format: 'binary' } })
  @SIGNED_IN
  @NOT_YOURS
  @ApiProblem(409, 'The export is not completed yet (or failed): there is no file')
  async file(@CurrentUser() user: SignedInUser, @Param('id') id: string): Promise<StreamableFile> {
    const { fileName, content } = await this.queries.execute(new GetExportFile(id, user.id));
    return new StreamableFile(content, {
      type: 'application/zip',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
