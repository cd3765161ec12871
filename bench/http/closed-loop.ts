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

/** `connections` clients, each sending its next request as soon as the last is answered. */
export async function driveClosedLoop(
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
