/** Rows between two progress events, and the longest quiet time while rows are being done. */
const EVERY_ROWS = 1000;
const EVERY_MS = 1000;

/**
 * Counts rows done and records progress about every 1,000 rows or second. Records are chained, so
 * they reach the import's stream in order and never two at once; `flush` waits for the last.
 */
export class ProgressReporter {
  private done = 0;
  private reportedDone = -1;
  private reportedAt = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly total: number,
    private readonly record: (done: number, total: number) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  get rowsDone(): number {
    return this.done;
  }

  add(rows: number): void {
    this.done = Math.min(this.total, this.done + rows);
    if (this.done - this.reportedDone >= EVERY_ROWS || this.now() - this.reportedAt >= EVERY_MS)
      this.report();
  }

  /** Records where it is now, whatever was recorded last. */
  report(): void {
    const done = this.done;
    this.reportedDone = done;
    this.reportedAt = this.now();
    this.chain = this.chain.then(() => this.record(done, this.total));
    // A failed record is rethrown by `flush`; until then it is not an unhandled rejection.
    this.chain.catch(() => undefined);
  }

  flush(): Promise<void> {
    return this.chain;
  }
}
