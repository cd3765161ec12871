import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';
import { writeJson } from '../../common/write-json.js';
import { ReadinessService } from './readiness.service.js';
import { Public } from '../../common/auth/index.js';
import { VALID_TOKEN } from '../../common/openapi/problem-responses.js';

const CHECKS =
  'checks: { postgres, redis, eventStore: { status: up|down, latencyMs, reason? }, ' +
  'projections: { status: up|degraded|down, deadLetters, reason?, projections: [{ name, version, checkpoint, ' +
  'lagEvents, lagSeconds, deadLetters, status, halted?: { eventId, eventType, position, attempts, since } }] } }';

@ApiTags('operations')
@Public()
// Probes send no token; one that is sent is checked like anywhere else.
@VALID_TOKEN
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers; dependencies are /health/ready's business. */
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiResponse({ status: 200, description: '{ status: "ok" }' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: PostgreSQL, Redis and the event store answer within 2 s, and no projection is halted',
  })
  @ApiResponse({
    status: 200,
    description:
      '{ status: "ok" | "degraded", checks }. "degraded": ready, but some projection is retrying a failed batch ' +
      "or parked events it could not apply, or the projections' statuses were not read within 2 s (projections.status " +
      '"degraded", reason says which). ' +
      CHECKS,
  })
  @ApiResponse({
    status: 503,
    description:
      'problem+json { status: 503, detail: "Not ready: <checks down>", checks }: a dependency is down, or a ' +
      'projection is halted before an event it cannot apply (projections.status "down", reason names it). ' +
      CHECKS,
  })
  async ready(@Res() response: FastifyReply): Promise<void> {
    const { ready, degraded, checks } = await this.readiness.check();
    response.header('Cache-Control', 'no-store');
    if (ready) {
      const status = degraded ? 'degraded' : 'ok';
      writeJson(response, HttpStatus.OK, { status, checks }, 'application/json');
      return;
    }
    const down = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    const problem = problemDetails(HttpStatus.SERVICE_UNAVAILABLE, `Not ready: ${down.join(', ')}`);
    writeJson(response, HttpStatus.SERVICE_UNAVAILABLE, { ...problem, checks }, PROBLEM_CONTENT_TYPE);
  }
}
