import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import { ApiProblem, BAD_PAGE, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { UploadInterceptor } from '../../platform/http/upload.interceptor.js';
import { StartImport } from './commands/start-import/start-import.command.js';
import { StartImportRequest } from './imports.request.js';
import {
  ImportPageResponse,
  ImportResponse,
  ImportStartedResponseDto,
  type ImportStartedResponse,
  type ImportView,
} from './imports.response.js';
import { GetImport } from './queries/get-import.query.js';
import { GetMemberImports } from './queries/member-imports.query.js';
import { uploadedFileName } from './uploaded-file-name.js';
import { importsProjection } from './projections/imports.projection.js';

/** What the upload interceptor hands over with memory storage (the fields used here). */
interface UploadedExport {
  readonly buffer: Buffer;
  readonly originalname: string;
}

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(UploadInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: StartImportRequest })
  @ApiOperation({
    summary:
      'Import a history from Letterboxd, iCheckMovies or IMDb: the file is stored and read by a job; follow it with GET /imports/{id}',
  })
  @ApiAcceptedResponse({ type: ImportStartedResponseDto })
  @ApiProblem(
    400,
    'No file, a file of no known kind (or not of the source given), or an unknown source, named',
  )
  @SIGNED_IN
  @ApiProblem(413, 'The file is larger than IMPORT_MAX_BYTES')
  start(
    @Actor() { user, context }: Actor,
    @UploadedFile() file: UploadedExport | undefined,
    @Body() body: StartImportRequest,
  ): Promise<ImportStartedResponse> {
    if (!file || file.buffer.length === 0)
      throw new InvalidInputException([
        { field: 'file', message: 'file must be an uploaded, non-empty file' },
      ]);
    const upload = { bytes: file.buffer, fileName: uploadedFileName(file.originalname) };
    return this.commands.execute(new StartImport(user.id, upload, body.source, context));
  }

  @Get()
  @ConsistentRead(importsProjection)
  @ApiOperation({ summary: 'The signed-in member’s imports, newest first' })
  @ApiOkResponse({ type: ImportPageResponse })
  @BAD_PAGE
  @SIGNED_IN
  list(@CurrentUser() user: SignedInUser, @Query() page: PageRequest): Promise<Page<ImportView>> {
    return this.queries.execute(new GetMemberImports(user.id, page));
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The import id' })
  @ConsistentRead(importsProjection)
  @ApiOperation({ summary: 'An import’s status, progress and result (its owner only)' })
  @ApiOkResponse({ type: ImportResponse })
  @SIGNED_IN
  @ApiProblem(404, 'No import of the signed-in member has that id')
  get(@CurrentUser() user: SignedInUser, @Param('id') id: string): Promise<ImportView> {
    return this.queries.execute(new GetImport(id, user.id));
  }
}
