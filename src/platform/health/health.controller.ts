import type { ServerResponse } from 'node:http';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';
import { writeJson } from '../../common/write-json.js';
import { ReadinessService } from './readiness.service.js';
import { Public } from '../../common/auth/index.js';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers; dependencies are /health/ready's business. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() response: ServerResponse): Promise<void> {
    const { ready, checks } = await this.readiness.check();
    response.setHeader('Cache-Control', 'no-store');
    if (ready) {
      writeJson(response, HttpStatus.OK, { status: 'ok', checks }, 'application/json');
      return;
    }
    const down = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    const problem = problemDetails(HttpStatus.SERVICE_UNAVAILABLE, `Not ready: ${down.join(', ')}`);
    writeJson(response, HttpStatus.SERVICE_UNAVAILABLE, { ...problem, checks }, PROBLEM_CONTENT_TYPE);
  }
}
