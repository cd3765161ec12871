import { performance } from 'node:perf_hooks';
import type { ImportCounts } from './import-tally.js';
import type { ImportProgress } from './title-basics.import.js';

export interface ImportReport extends ImportCounts {
  readonly file: string;
  readonly format: 'json' | 'title-basics';
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Peak resident memory of the importing process over its whole life. */
  readonly peakRssMiB: number;
  /** Resident memory when 25, 50, 75 and 100% of the file had been read: flat when streaming works. */
  readonly rssMiBByProgress: Readonly<Record<'25%' | '50%' | '75%' | '100%', number | null>>;
}

const QUARTERS = ['25%', '50%', '75%'] as const;
const MIB = 2 ** 20;
const mib = (bytes: number): number => Math.round((bytes / MIB) * 10) / 10;

/** Times an import, samples memory by the share of the file read, and prints progress now and then. */
export class ImportRun {
  private readonly startedAt = performance.now();
  private readonly rssAt: Record<string, number | null> = { '25%': null, '50%': null, '75%': null };
  private nextProgressAt: number;

  constructor(
    private readonly totalBytes: number,
    private readonly progressEveryMs: number,
    private readonly printProgress: (line: string) => void,
  ) {
    this.nextProgressAt = this.startedAt + progressEveryMs;
  }

  readonly onProgress = (progress: ImportProgress): void => {
    const share = this.totalBytes > 0 ? progress.bytesRead / this.totalBytes : 1;
    QUARTERS.forEach((quarter, index) => {
      if (this.rssAt[quarter] === null && share >= (index + 1) / 4) {
        this.rssAt[quarter] = mib(process.memoryUsage.rss());
      }
    });
    const now = performance.now();
    if (now < this.nextProgressAt) return;
    this.nextProgressAt = now + this.progressEveryMs;
    const rate = progress.rowsRead / ((now - this.startedAt) / 1_000);
    this.printProgress(
      `${Math.floor(share * 100)}% read, ${progress.rowsRead.toLocaleString('en-US')} rows ` +
        `(${Math.round(rate).toLocaleString('en-US')} rows/s), RSS ${mib(process.memoryUsage.rss())} MiB`,
    );
  };

  finish(file: string, format: ImportReport['format'], counts: ImportCounts): ImportReport {
    const seconds = (performance.now() - this.startedAt) / 1_000;
    return {
      file,
      format,
      ...counts,
      seconds: Math.round(seconds * 1_000) / 1_000,
      rowsPerSecond: Math.round(counts.rows / seconds),
      // maxRSS is in KiB.
      peakRssMiB: mib(process.resourceUsage().maxRSS * 1_024),
      rssMiBByProgress: {
        '25%': this.rssAt['25%'] ?? null,
        '50%': this.rssAt['50%'] ?? null,
        '75%': this.rssAt['75%'] ?? null,
        '100%': mib(process.memoryUsage.rss()),
      },
    };
  }
}

const count = (value: number): string => value.toLocaleString('en-US');

/** The report for a person: counts, then each bad row as `line N: reason`. */
export function formatImportReport(report: ImportReport): string {
  const kinds = Object.entries(report.ignoredByKind)
    .map(([kind, n]) => `${kind} ${count(n)}`)
    .join(', ');
  const memory = Object.entries(report.rssMiBByProgress)
    .map(([share, rss]) => `${share} ${rss ?? '-'}`)
    .join(', ');
  const lines = [
    `${report.file} (${report.format === 'json' ? 'JSON films' : 'IMDb title.basics.tsv'}): ` +
      `${count(report.rows)} rows in ${report.seconds.toFixed(1)} s, ${count(report.rowsPerSecond)} rows/s`,
    `  imported   ${count(report.imported)}`,
    `  updated    ${count(report.updated)}`,
    `  unchanged  ${count(report.unchanged)}`,
    `  ignored    ${count(report.ignored)}${kinds ? ` (not films: ${kinds})` : ''}`,
    `  skipped    ${count(report.skipped)} bad rows`,
    `  memory     peak RSS ${report.peakRssMiB} MiB; RSS MiB by share of the file read: ${memory}`,
    ...(report.posters
      ? [`  posters    ${count(report.posters.kept)} kept, ${count(report.posters.refused)} not kept`]
      : []),
    ...report.badRows.map((row) => `line ${row.at}: ${row.reason}`),
  ];
  const unlisted = report.skipped - report.badRows.length;
  if (unlisted > 0) lines.push(`… and ${count(unlisted)} more bad rows`);
  if (report.posters) {
    // The film is in the catalogue: only its poster is missing.
    lines.push(...report.posters.problems.map((row) => `line ${row.at}: poster not kept: ${row.reason}`));
    const unlistedPosters = report.posters.refused - report.posters.problems.length;
    if (unlistedPosters > 0) lines.push(`… and ${count(unlistedPosters)} more posters not kept`);
  }
  return lines.join('\n');
}
