import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry.js';

/** Unmatched paths share one label, so a scan of random URLs cannot blow up the series count. */
const UNMATCHED_ROUTE = 'unmatched';

/** The route pattern Fastify matched (`/api/v1/films/:idOrSlug`); wildcard routes (static files) count as unmatched. */
const routeLabel = (request: FastifyRequest): string => {
  const url = request.is404 ? undefined : request.routeOptions.url;
  return url !== undefined && !url.includes('*') ? url : UNMATCHED_ROUTE;
};

@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'filmlog_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Times every answered request, unknown routes and errors included (from an `onResponse` hook). */
  observe(request: FastifyRequest, reply: FastifyReply): void {
    this.duration.observe(
      { method: request.method, route: routeLabel(request), status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  }
}
