import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Module,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionMonitor, type ProjectionStatus } from '#projections';
import { RequireRole } from '../../common/auth/index.js';
import { ADMINS_ONLY, ApiProblem } from '../../common/openapi/problem-responses.js';

@ApiTags('admin')
@ADMINS_ONLY
@RequireRole('admin')
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(private readonly monitor: ProjectionMonitor) {}

  @Get()
  @ApiOperation({
    summary:
      'Every projection: [{ name, version, checkpoint, lagEvents, lagSeconds, deadLetters, status, halted? }]; status is running, rebuilding, failing, halted or stopped, and halted names the event it stopped at (docs/adr/0008)',
  })
  list(): Promise<ProjectionStatus[]> {
    return this.monitor.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Rebuild from the first event into fresh tables, swapped in when caught up; reads are served from the live tables meanwhile',
  })
  @ApiResponse({
    status: 202,
    description: '{ name, status: "requested" }; GET shows "rebuilding" once a worker starts',
  })
  @ApiProblem(404, 'No projection has that name')
  async rebuild(@Param('name') name: string): Promise<{ name: string; status: 'requested' }> {
    if (!(await this.monitor.requestRebuild(name)))
      throw new NotFoundException(`No projection is called ${name}.`);
    return { name, status: 'requested' };
  }
}

/** HTTP only (APP_ROLE api or all); the monitor it reads comes from the global ProjectionsModule. */
@Module({ controllers: [ProjectionsAdminController] })
export class ProjectionsAdminModule {}
