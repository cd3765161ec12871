/** Bad rows kept with their reasons; past this many only the count grows, so memory stays flat. */
export const BAD_ROWS_KEPT = 100;

export interface BadRow {
  /** Line of the file (the TSV header is line 1; a JSON entry is at the line it starts on). */
  readonly at: number;
  readonly reason: string;
}

export interface ImportCounts {
  /** Data rows read: every line after the TSV header, or every element of the JSON array. */
  readonly rows: number;
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows of kinds the catalogue does not hold (not films), by kind. */
  readonly ignored: number;
  readonly ignoredByKind: Readonly<Record<string, number>>;
  /** Bad rows: reported, not written. */
  readonly skipped: number;
  /** Up to BAD_ROWS_KEPT bad rows (the first found), listed in file order. */
  readonly badRows: readonly BadRow[];
  /** When any entry named a poster (JSON films only). */
  readonly posters?: PosterCounts;
}

/** Posters named by the imported films: a film is written even when its poster is not. */
export interface PosterCounts {
  readonly kept: number;
  /** Films whose poster was not kept. */
  readonly refused: number;
  /** Up to BAD_ROWS_KEPT of them with their reasons, in file order. */
  readonly problems: readonly BadRow[];
}

export interface WriteOutcome {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly bad: readonly BadRow[];
}

/** Running counts of one import. */
export class ImportTally {
  private rows = 0;
  private imported = 0;
  private updated = 0;
  private unchanged = 0;
  private skipped = 0;
  private readonly ignoredByKind = new Map<string, number>();
  private readonly badRows: BadRow[] = [];
  private posters: { kept: number; refused: number; problems: BadRow[] } | null = null;

  read(): void {
    this.rows += 1;
  }

  ignore(kind: string): void {
    this.ignoredByKind.set(kind, (this.ignoredByKind.get(kind) ?? 0) + 1);
  }

  bad(row: BadRow): void {
    this.skipped += 1;
    if (this.badRows.length < BAD_ROWS_KEPT) this.badRows.push(row);
  }

  written(outcome: WriteOutcome): void {
    this.imported += outcome.inserted;
    this.updated += outcome.updated;
    this.unchanged += outcome.unchanged;
    for (const row of outcome.bad) this.bad(row);
  }

  /** A film's poster: kept, or refused with the reason at the film's line. */
  poster(at: number, problem: string | null): void {
    this.posters ??= { kept: 0, refused: 0, problems: [] };
    if (problem === null) {
      this.posters.kept += 1;
      return;
    }
    this.posters.refused += 1;
    if (this.posters.problems.length < BAD_ROWS_KEPT) this.posters.problems.push({ at, reason: problem });
  }

  get rowsRead(): number {
    return this.rows;
  }

  counts(): ImportCounts {
    // Rows written out of file order (a failed batch retried row by row) still list in file order.
    const badRows = [...this.badRows].sort((a, b) => a.at - b.at);
    const ignoredByKind = Object.fromEntries(
      [...this.ignoredByKind].sort(([kindA, a], [kindB, b]) => b - a || kindA.localeCompare(kindB)),
    );
    return {
      rows: this.rows,
      imported: this.imported,
      updated: this.updated,
      unchanged: this.unchanged,
      ignored: Object.values(ignoredByKind).reduce((sum, count) => sum + count, 0),
      ignoredByKind,
      skipped: this.skipped,
      badRows,
      ...(this.posters && {
        posters: { ...this.posters, problems: [...this.posters.problems].sort((a, b) => a.at - b.at) },
      }),
    };
  }
}
