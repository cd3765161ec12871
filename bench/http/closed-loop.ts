import autocannon from 'autocannon';

export interface HttpRequestSpec {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ClosedLoopFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
}

/**
 * `connections` clients, each sending its next request as soon as the last is answered, shared
 * evenly among the base URLs (processes of one service). Over several, the latency percentiles
 * are the worst process's.
 */
export async function driveClosedLoop(
  baseUrls: string | readonly string[],
  connections: number,
  seconds: number,
  next: (index: number) => HttpRequestSpec,
): Promise<ClosedLoopFigures> {
  const urls = typeof baseUrls === 'string' ? [baseUrls] : baseUrls;
  if (urls.length === 1) return driveOne(urls[0]!, connections, seconds, next);
  const parts = await Promise.all(
    urls.map((url, index) =>
      driveOne(
        url,
        Math.floor(connections / urls.length) + (index < connections % urls.length ? 1 : 0),
        seconds,
        next,
      ),
    ),
  );
  const duration = Math.max(...parts.map((part) => part.seconds));
  const requests = parts.reduce((sum, part) => sum + part.requests, 0);
  return {
    connections,
    seconds: duration,
    requests,
    requestsPerSecond: Math.round(requests / duration),
    p50Ms: Math.max(...parts.map((part) => part.p50Ms)),
    p99Ms: Math.max(...parts.map((part) => part.p99Ms)),
    maxMs: Math.max(...parts.map((part) => part.maxMs)),
    non2xx: parts.reduce((sum, part) => sum + part.non2xx, 0),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
  };
}

async function driveOne(
  baseUrl: string,
  connections: number,
  seconds: number,
  next: (index: number) => HttpRequestSpec,
): Promise<ClosedLoopFigures> {
  let index = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          const spec = next(index++);
          return {
            ...request,
            method: spec.method as autocannon.Request['method'],
            path: spec.path,
            headers: { ...spec.headers },
          };
        },
      },
    ],
  });
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
