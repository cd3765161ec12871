import {
  Inject,
  Injectable,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { EVENT_STORE, InvalidPositionError, type EventStore } from '#event-store';
import { ProjectionMonitor, type Projection } from '#projections';
import { InvalidInputException } from '../invalid-input.exception.js';

export const CONSISTENT_WITH_HEADER = 'x-consistent-with';
/** `reached` when the projections passed the token in time, `stale` when the wait gave up. */
export const CONSISTENCY_HEADER = 'X-Consistency';
const READS_PROJECTIONS = 'filmlog:reads-projections';
const DEFAULT_WAIT_MS = 2000;

@Injectable()
export class ConsistentReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly monitor: ProjectionMonitor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers[CONSISTENT_WITH_HEADER];
    const projections = this.reflector.get<string[]>(READS_PROJECTIONS, context.getHandler()) ?? [];
    if (typeof header !== 'string' || projections.length === 0) return next.handle();
    const token = header.trim();
    let reached: boolean;
    try {
      // Checked up front: a projection with no checkpoint yet would never compare against it.
      this.store.comparePositions(token, token);
      reached = await this.monitor.waitFor(projections, token, DEFAULT_WAIT_MS);
    } catch (error) {
      if (!(error instanceof InvalidPositionError)) throw error;
      throw new InvalidInputException([
        { field: 'X-Consistent-With', message: 'must be a position returned by a command' },
      ]);
    }
    void http.getResponse<FastifyReply>().header(CONSISTENCY_HEADER, reached ? 'reached' : 'stale');
    return next.handle();
  }
}

/**
 * The route reads these projections: with `X-Consistent-With: <position>` it first waits
 * (up to 2 s) until they have applied that position, so a client sees its own writes. They are
 * named by the projection objects themselves, so a route cannot wait on a projection that is not there.
 */
export const ConsistentRead = (...projections: readonly Pick<Projection, 'name'>[]): MethodDecorator =>
  applyDecorators(
    SetMetadata(
      READS_PROJECTIONS,
      projections.map((projection) => projection.name),
    ),
    UseInterceptors(ConsistentReadInterceptor),
    ApiHeader({
      name: 'X-Consistent-With',
      required: false,
      description:
        'A `position` from a command response: the answer waits (up to 2 s) until it includes that write. ' +
        'The response header X-Consistency says `reached` or `stale`.',
    }),
  );
