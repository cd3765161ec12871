import type { ListCsvRow } from './list-csv.js';
import type { ListImportPlan } from './list-import-plan.js';

export interface ListImportOutcome {
  readonly title: string;
  readonly ranked: boolean;
  readonly admin: string;
  /** Null when nothing was created. */
  readonly list: { readonly id: string; readonly edition: number } | null;
  readonly plan: ListImportPlan;
}

/** `line 4, rank 3, "Vertigo" (1958) tt0052357`: what the row said, as far as it said it. */
export function describeRow(row: ListCsvRow): string {
  return [
    `line ${row.line}`,
    row.rank === null ? [] : [`, rank ${row.rank}`],
    // JSON quoting: a title may hold quotes and line breaks.
    row.title === null ? [] : [`, ${JSON.stringify(row.title)}`],
    row.year === null ? [] : [` (${row.year})`],
    row.imdbId === null ? [] : [` ${row.imdbId}`],
  ]
    .flat()
    .join('');
}

/** The summary printed at the end: counts, then every dropped duplicate and unmatched row. */
export function formatListImport({ title, ranked, admin, list, plan }: ListImportOutcome): string {
  const matched = plan.rows - plan.unmatched.length;
  const lines = [
    list === null
      ? `No list created: no row matched a catalogue film.`
      : `Official ${ranked ? 'ranked' : 'unranked'} list "${title}" created by ${admin}: id ${list.id}, edition ${list.edition}.`,
    `rows        ${plan.rows}`,
    `matched     ${matched}`,
    `films       ${plan.films.length}`,
    `duplicates  ${plan.duplicates.length}`,
    `unmatched   ${plan.unmatched.length}`,
  ];
  if (plan.duplicates.length > 0) {
    lines.push('Duplicates dropped (the film is kept at its best rank):');
    for (const { row, sameAs } of plan.duplicates)
      lines.push(`  ${describeRow(row)}: same film as line ${sameAs.line}`);
  }
  if (plan.unmatched.length > 0) {
    lines.push('Unmatched rows:');
    for (const { row, reason } of plan.unmatched) lines.push(`  ${describeRow(row)}: ${reason}`);
  }
  return lines.join('\n');
}
