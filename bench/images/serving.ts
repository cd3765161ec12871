import autocannon from 'autocannon';
import type { UploadedPoster } from './uploads.js';

export interface ServingFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Answers other than the one expected (200 plain, 304 with If-None-Match), and socket errors. */
  readonly unexpected: number;
  readonly errors: number;
  /** Response bytes per second, headers included. */
  readonly bytesPerSecond: number;
}

export type Served = 'service' | 'floor';
export type Revalidation = 'plain' | 'ifNoneMatch';
export type ServingMeasures = Readonly<Record<Served, Readonly<Record<Revalidation, ServingFigures>>>>;

interface Target {
  readonly path: string;
  readonly etag: string;
}

/** Every variant of every uploaded poster, the way browsers ask for them across a catalogue. */
export const servedTargets = (uploaded: readonly UploadedPoster[]): Target[] =>
  uploaded.flatMap(({ poster }) =>
    Object.values(poster.sizes).map((path) => ({
      path,
      etag: `"${/([0-9a-f]{32})\.webp$/.exec(path)![1]}"`,
    })),
  );

/** `connections` clients that never pause, each taking the next variant of the list. */
export async function driveImages(
  baseUrl: string,
  targets: readonly Target[],
  revalidation: Revalidation,
  connections: number,
  seconds: number,
): Promise<ServingFigures> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = targets[next++ % targets.length]!;
          return {
            ...request,
            path: target.path,
            headers: revalidation === 'ifNoneMatch' ? { 'if-none-match': target.etag } : {},
          };
        },
      },
    ],
  });
  const expected = revalidation === 'plain' ? '200' : '304';
  const answered = Object.entries(result.statusCodeStats ?? {}).reduce(
    (sum, [code, stats]) => sum + (code === expected ? 0 : (stats.count ?? 0)),
    0,
  );
  return {
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    unexpected: answered,
    errors: result.errors + result.timeouts,
    bytesPerSecond: Math.round(result.throughput.average),
  };
}

/**
 * Each load on the service then on the floor, plain then revalidated: warm-up of each first,
 * then the measured loads alternating, so the two servers meet the machine in the same state.
 */
export async function measureServing(
  urls: Readonly<Record<Served, string>>,
  targets: readonly Target[],
  options: { readonly connections: number; readonly warmUpSeconds: number; readonly loadSeconds: number },
): Promise<ServingMeasures> {
  const measures: Record<Served, Partial<Record<Revalidation, ServingFigures>>> = { service: {}, floor: {} };
  for (const revalidation of ['plain', 'ifNoneMatch'] as const) {
    for (const served of ['service', 'floor'] as const) {
      if (options.warmUpSeconds > 0) {
        await driveImages(urls[served], targets, revalidation, options.connections, options.warmUpSeconds);
      }
    }
    for (const served of ['service', 'floor'] as const) {
      measures[served][revalidation] = await driveImages(
        urls[served],
        targets,
        revalidation,
        options.connections,
        options.loadSeconds,
      );
    }
  }
  return measures as ServingMeasures;
}
