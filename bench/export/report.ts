import type { BenchRun } from '../shared/bench-cli.js';
import type { ExportDataset } from './dataset.js';
import type { RunFigures } from './measure.js';
import type { ExportBenchOptions } from './options.js';

export interface ExportBenchReport extends BenchRun {
  readonly options: ExportBenchOptions;
  readonly seconds: number;
  readonly dataset: ExportDataset;
  readonly exports: readonly RunFigures[];
  readonly bareDumps: readonly RunFigures[];
  readonly ratios: { readonly time: number; readonly peakRss: number };
  readonly method: string;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export const medianOf = (runs: readonly RunFigures[]): RunFigures => ({
  seconds: median(runs.map((run) => run.seconds)),
  peakRssGrowthMb: median(runs.map((run) => run.peakRssGrowthMb)),
  bytes: median(runs.map((run) => run.bytes)),
});

/** Ratios of the medians; the RSS one against at least 1 MB, so a floor near zero does not blow it up. */
export function ratiosOf(exports: readonly RunFigures[], bare: readonly RunFigures[]) {
  const [ours, floor] = [medianOf(exports), medianOf(bare)];
  return {
    time: ours.seconds / floor.seconds,
    peakRss: Math.max(1, ours.peakRssGrowthMb) / Math.max(1, floor.peakRssGrowthMb),
  };
}

export const describeMethod = (options: ExportBenchOptions): string =>
  `One member with ${options.marks} marks, ${options.diaryEntries} diary entries, ${options.comments} comments and ` +
  `${options.listItems} list items, written into the read models and the event log by SQL beside ` +
  `${options.otherEvents} other members' events. The export (writeMemberArchive into ExportFiles, as the job ` +
  `runs it, without the queue) against a bare dump of the same rows (one statement a table, held whole, one JSON ` +
  `line a row) into the same zip library and store; ${options.runs} measured runs each after a warm-up, medians. ` +
  `Peak RSS is the growth of this process's resident set over its size at the start of the run, sampled every 10 ms.`;

export function formatReport(report: ExportBenchReport): string {
  const line = (label: string, runs: readonly RunFigures[]): string => {
    const { seconds, peakRssGrowthMb, bytes } = medianOf(runs);
    return `${label.padEnd(12)} ${seconds.toFixed(2).padStart(8)} s ${peakRssGrowthMb.toFixed(1).padStart(8)} MB ${(bytes / 1024 / 1024).toFixed(2).padStart(8)} MB zip`;
  };
  return [
    `bench:export (${report.options.smoke ? 'smoke' : 'full'}), ${report.machine.cpuModel}, ${report.machine.cores} cores`,
    `member: ${report.dataset.marks} marks, ${report.dataset.diaryEntries} diary entries, ${report.dataset.comments} comments, ${report.dataset.memberEvents} of ${report.dataset.memberEvents + report.dataset.otherEvents} events`,
    `${''.padEnd(12)} ${'time'.padStart(10)} ${'peak RSS +'.padStart(11)}`,
    line('export', report.exports),
    line('bare dump', report.bareDumps),
    `ratios: time ×${report.ratios.time.toFixed(2)}, peak RSS ×${report.ratios.peakRss.toFixed(2)}`,
  ].join('\n');
}
