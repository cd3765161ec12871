import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry.js';

/** Unmatched paths share one label, so a scan of random URLs cannot blow up the series count. */
const UNMATCHED_ROUTE = 'unmatched';

/** What Express adds to a request once a route matched it. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

const routeLabel = (request: RoutedRequest): string => {
  const path = request.route?.path;
  return typeof path === 'string' && !path.includes('*')
    ? `${request.baseUrl ?? ''}${path}`
    : UNMATCHED_ROUTE;
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

  /** Express middleware timing every request, unknown routes and errors included. */
  readonly middleware = (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const stopTimer = this.duration.startTimer();
    response.once('finish', () => {
      stopTimer({
        method: request.method ?? 'UNKNOWN',
        route: routeLabel(request),
        status: String(response.statusCode),
      });
    });
    next();
  };
}
