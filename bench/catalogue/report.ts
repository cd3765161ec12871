import type { MachineInfo } from '../store/machine.js';
import type { ImportFigures } from './import-phase.js';
import type { CatalogueBenchOptions } from './options.js';
import type { SearchCatalogue } from './search-catalogue.js';
import type { SearchFigures } from './search-load.js';

interface Target {
  readonly name: string;
  readonly value: number;
  readonly target: string;
  readonly met: boolean;
}

export interface CatalogueBenchReport {
  readonly startedAt: string;
  readonly options: CatalogueBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly import: ImportFigures;
  readonly search: SearchFigures & { readonly catalogue: Omit<SearchCatalogue, 'directorNames'> };
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

const atLeast = (name: string, value: number, floor: number): Target => ({
  name,
  value,
  target: `≥ ${figure(floor)}`,
  met: value >= floor,
});
const atMost = (name: string, value: number, ceiling: number): Target => ({
  name,
  value,
  target: `≤ ${figure(ceiling)}`,
  met: value <= ceiling,
});

/** Memory is flat when no quarter of the file needed more than this much over the smallest. */
export const FLAT_RSS_GROWTH = 1.25;

export function targetsOf(importFigures: ImportFigures, search: SearchFigures): Target[] {
  return [
    atLeast('import rows per second', importFigures.first.rowsPerSecond, 50_000),
    atMost('import RSS, largest over smallest of 25/50/75/100%', importFigures.rssGrowth, FLAT_RSS_GROWTH),
    atMost('search p99 ms at 16 connections', search.load.p99Ms, 20),
    atMost('search responses not 2xx, and errors', search.load.non2xx + search.load.errors, 0),
  ];
}

const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const figure = (value: number): string =>
  Math.abs(value) >= 100 ? whole(value) : String(Math.round(value * 100) / 100);

export function formatReport(report: CatalogueBenchReport): string {
  const { first, kept, again, file } = report.import;
  const rss = Object.entries(first.rssMiBByProgress)
    .map(([share, mib]) => `${share} ${mib ?? '-'}`)
    .join(', ');
  const { load } = report.search;
  const kinds = Object.entries(report.search.byKind).map(
    ([kind, times]) =>
      `  ${kind.padEnd(14)} ${String(times.queries).padStart(4)} queries, median ${times.medianMs} ms, max ${times.maxMs} ms`,
  );
  return [
    `import of ${whole(file.rows)} title.basics rows (${(file.bytes / 2 ** 20).toFixed(0)} MiB, ${file.badRows} bad)`,
    `  first run   ${first.seconds.toFixed(1)} s, ${whole(first.rowsPerSecond)} rows/s: ${whole(first.imported)} imported, ` +
      `${whole(first.ignored)} ignored, ${first.skipped} bad`,
    `  kept        ${kept.seconds.toFixed(1)} s, ${whole(kept.rowsPerSecond)} rows/s into a catalogue of one film ` +
      `(indexes kept row by row); the first load ${figure(first.rowsPerSecond / kept.rowsPerSecond)}× that`,
    `  again       ${again.seconds.toFixed(1)} s, ${whole(again.rowsPerSecond)} rows/s: ${whole(again.unchanged)} unchanged`,
    `  memory      peak RSS ${first.peakRssMiB} MiB; RSS MiB at ${rss}`,
    '',
    `search over ${whole(report.search.catalogue.films)} films (${whole(report.search.catalogue.people)} directors), ` +
      `${load.connections} connections, ${load.seconds} s`,
    `  ${whole(load.requestsPerSecond)} req/s, p50 ${load.p50Ms} ms, p90 ${load.p90Ms} ms, p99 ${load.p99Ms} ms, ` +
      `max ${load.maxMs} ms, non-2xx ${load.non2xx}, errors ${load.errors}`,
    '  each query alone, by kind:',
    ...kinds,
    '',
    ...report.targets.map(
      (goal) =>
        `${goal.met ? 'met   ' : 'MISSED'}  ${goal.name}: ${figure(goal.value)} (target ${goal.target})`,
    ),
    '',
    `load average (1, 5, 15 min): ${report.loadAverage.atStart.join(', ')} at start, ${report.loadAverage.atEnd.join(', ')} at end`,
  ].join('\n');
}
