import type { FilmsFigures } from '../film-log/prefill.js';
import { atMost, formatTabledReport, ms, whole, type TabledReport, type Target } from '../film-log/report.js';
import type { MachineInfo } from '../store/machine.js';
import type { ImagesBenchOptions } from './options.js';
import type { PageFigures } from './pages.js';
import type { ServingFigures, ServingMeasures } from './serving.js';
import type { UploadFigures } from './uploads.js';

export interface ImagesRatios {
  /** Upload over the bare resize of the same bytes, p50 and p99. */
  readonly uploadP50: number;
  readonly uploadP99: number;
  /** The service's requests per second over the floor's, plain and with If-None-Match. */
  readonly servePlain: number;
  readonly serveIfNoneMatch: number;
}

export interface ImagesBenchReport extends TabledReport {
  readonly startedAt: string;
  readonly options: ImagesBenchOptions;
  readonly machine: MachineInfo;
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly uploads: UploadFigures;
  readonly serving: ServingMeasures;
  readonly pages: PageFigures;
  readonly ratios: ImagesRatios;
  readonly method: readonly string[];
}

export const ratiosOf = (uploads: UploadFigures, serving: ServingMeasures): ImagesRatios => ({
  uploadP50: uploads.upload.p50Ms / uploads.bareResize.p50Ms,
  uploadP99: uploads.upload.p99Ms / uploads.bareResize.p99Ms,
  servePlain: serving.service.plain.requestsPerSecond / serving.floor.plain.requestsPerSecond,
  serveIfNoneMatch:
    serving.service.ifNoneMatch.requestsPerSecond / serving.floor.ifNoneMatch.requestsPerSecond,
});

/** No figure to reach: every upload and every answer must be the expected one. */
export const targetsOf = (uploads: UploadFigures, serving: ServingMeasures, pages: PageFigures): Target[] => [
  atMost('poster uploads that were not a 200', uploads.failures, 0),
  atMost(
    'image answers other than 200 (plain) or 304 (If-None-Match), or errors',
    Object.values(serving)
      .flatMap((byRevalidation) => Object.values(byRevalidation))
      .reduce((sum, figures: ServingFigures) => sum + figures.unexpected + figures.errors, 0),
    0,
  ),
  atMost(
    'film pages that were not a 200',
    [pages.withPoster, pages.withoutPoster].filter((page) => page.status !== 200).length,
    0,
  ),
];

const times = (value: number): string => `${value.toFixed(2)}×`;
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

function rowsOf(report: ImagesBenchReport): string[][] {
  const { uploads, serving, pages, ratios, options } = report;
  const latencyRow = (name: string, p50: number, p99: number, versus: string, notes: string) => [
    name,
    ms(p50),
    ms(p99),
    '',
    versus,
    notes,
  ];
  const loadRow = (name: string, figures: ServingFigures, versus: string, notes: string) => [
    name,
    ms(figures.p50Ms),
    ms(figures.p99Ms),
    whole(figures.requestsPerSecond),
    versus,
    `${notes}; ${(figures.bytesPerSecond / 1_048_576).toFixed(1)} MiB/s`,
  ];
  const sizes = (width: 'original' | '150' | '300' | '600') =>
    `${kilobytes(uploads.bytes[width].mean)} (${kilobytes(uploads.bytes[width].min)}–${kilobytes(uploads.bytes[width].max)})`;
  return [
    ['measure', 'p50 ms', 'p99 ms', 'req/s', 'ratio', 'notes'],
    latencyRow(
      'bare posterImageOf',
      uploads.bareResize.p50Ms,
      uploads.bareResize.p99Ms,
      'reference',
      `in the bench process, on the same ${whole(uploads.bareResize.samples)} JPEGs`,
    ),
    latencyRow(
      'PUT /films/{id}/poster',
      uploads.upload.p50Ms,
      uploads.upload.p99Ms,
      `${times(ratios.uploadP50)} / ${times(ratios.uploadP99)} (p50 / p99)`,
      'one at a time: resize, 4 files kept, the row',
    ),
    loadRow('floor GET /images/posters/…', serving.floor.plain, 'reference', 'bare node:http, same folder'),
    loadRow(
      'GET /images/posters/…',
      serving.service.plain,
      `${times(ratios.servePlain)} req/s`,
      `${options.connections} connections`,
    ),
    loadRow('floor, If-None-Match (304)', serving.floor.ifNoneMatch, 'reference', 'bare node:http'),
    loadRow(
      '  …If-None-Match (304)',
      serving.service.ifNoneMatch,
      `${times(ratios.serveIfNoneMatch)} req/s`,
      `${options.connections} connections`,
    ),
    ['uploaded JPEG 1000×1500', '-', '-', '-', '', sizes('original')],
    ['variant 150 wide (WebP)', '-', '-', '-', '', sizes('150')],
    ['variant 300 wide (WebP)', '-', '-', '-', '', sizes('300')],
    ['variant 600 wide (WebP)', '-', '-', '-', '', sizes('600')],
    [
      'GET /film/<slug>, with a poster',
      '-',
      '-',
      '-',
      '',
      `${kilobytes(pages.withPoster.bytes)} of HTML; names ${pages.withPoster.posterUrls} of the 3 variant URLs`,
    ],
    ['GET /film/<slug>, without', '-', '-', '-', '', `${kilobytes(pages.withoutPoster.bytes)} of HTML`],
  ];
}

export const formatReport = (report: ImagesBenchReport): string => formatTabledReport(rowsOf(report), report);

export const describeMethod = (options: ImagesBenchOptions): string[] => [
  `Database: one fresh migrated database with ${options.films} generated films (the catalogue bench’s fill) ` +
    'and one admin (account row and member stream; the service’s projections catch up before anything is ' +
    'timed). The service (`node dist/src/main.js`, APP_ROLE=all) keeps its images in a fresh temporary IMAGES_DIR.',
  `Uploads: ${options.warmUp} + ${options.posters} posters, each a 1000×1500 JPEG drawn with sharp (a colour, ` +
    'circles and a title of its own), one at a time, in turns: `PUT /api/v1/films/{id}/poster` as the admin, ' +
    'then `posterImageOf` on the same bytes in the bench process. The first turns are warm-up. Ratios are the ' +
    'upload’s p50 and p99 over the bare resize’s.',
  `Serving: autocannon, ${options.connections} connections that never pause, every variant of every poster in ` +
    `turn; ${options.warmUpSeconds} s of warm-up then ${options.loadSeconds} s measured of each load, plain then ` +
    'with the matching If-None-Match (304), the service then the floor: a bare node:http process reading the ' +
    'same files from the same folder per request, with the same headers. Ratios are requests per second ' +
    'over the floor’s in the same run.',
  'Pages: `GET /film/<slug>` of a film with a poster and of one without, bytes of HTML as sent uncompressed. ' +
    'Variant bytes are those posterImageOf made of the measured posters.',
  'Everything shares the machine’s cores; read the ratios, not the absolute figures.',
];
