import type { CatchUpFigures } from './catch-up.js';
import type { AppendFigures } from './load.js';
import type { MachineInfo } from './machine.js';
import type { BenchOptions } from './options.js';

export type StoreName = 'ours' | 'raw' | 'emmett';

export interface StoreFigures {
  readonly append: AppendFigures;
  /** Absent for the raw baseline, which has no subscription. */
  readonly catchUp: CatchUpFigures | null;
}

interface Target {
  readonly name: string;
  readonly value: number;
  readonly atLeast: number;
  readonly met: boolean;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  readonly stores: Readonly<Record<StoreName, StoreFigures>>;
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

const target = (name: string, value: number, atLeast: number): Target => ({
  name,
  value,
  atLeast,
  met: value >= atLeast,
});

export function targetsOf(stores: BenchReport['stores']): Target[] {
  const { ours, raw, emmett } = stores;
  return [
    target('ours / raw appends per second', ours.append.appendsPerSecond / raw.append.appendsPerSecond, 0.6),
    target('ours catch-up events per second', ours.catchUp!.eventsPerSecond, 100_000),
    target(
      'ours / emmett appends per second',
      ours.append.appendsPerSecond / emmett.append.appendsPerSecond,
      1,
    ),
    target(
      'ours / emmett catch-up events per second',
      ours.catchUp!.eventsPerSecond / emmett.catchUp!.eventsPerSecond,
      1,
    ),
  ];
}

const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const figure = (value: number): string => (value >= 100 ? whole(value) : fixed(value));

const catchUpCell = (catchUp: CatchUpFigures | null): string =>
  !catchUp
    ? '-'
    : `${whole(catchUp.eventsPerSecond)}${catchUp.complete ? '' : ` (first ${whole(catchUp.events)})`}`;

export function formatTable(report: BenchReport): string {
  const { ours, raw } = report.stores;
  const header = [
    'store',
    'appends/s',
    'p50 ms',
    'p99 ms',
    'catch-up events/s',
    'appends vs raw',
    'ours÷this appends',
    'ours÷this catch-up',
  ];
  const rows = (Object.entries(report.stores) as [StoreName, StoreFigures][]).map(([name, figures]) => [
    name,
    whole(figures.append.appendsPerSecond),
    fixed(figures.append.p50Ms),
    fixed(figures.append.p99Ms),
    catchUpCell(figures.catchUp),
    fixed(figures.append.appendsPerSecond / raw.append.appendsPerSecond),
    `${fixed(ours.append.appendsPerSecond / figures.append.appendsPerSecond)}×`,
    figures.catchUp ? `${fixed(ours.catchUp!.eventsPerSecond / figures.catchUp.eventsPerSecond)}×` : '-',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  const targets = report.targets.map(
    (goal) =>
      `${goal.met ? 'met   ' : 'MISSED'}  ${goal.name}: ${figure(goal.value)} (target ≥ ${figure(goal.atLeast)})`,
  );
  const load = `load average (1, 5, 15 min): ${report.loadAverage.atStart.join(', ')} at start, ${report.loadAverage.atEnd.join(', ')} at end`;
  return [line(header), ...rows.map(line), '', ...targets, '', load].join('\n');
}
