import { ImportTally, type ImportCounts, type WriteOutcome } from './import-tally.js';
import { readLineChunks } from './line-reader.js';
import {
  TITLE_BASICS_COLUMNS,
  isTitleBasicsHeader,
  latestFilmYear,
  parseTitleBasicsLine,
  type TitleBasicsFilm,
} from './title-basics.line.js';

export interface TitleBasicsRow {
  readonly line: number;
  readonly film: TitleBasicsFilm;
}

/**
 * Writes one batch; each call commits on its own. Rows of a batch have distinct imdb ids. Up to
 * `concurrency` calls may be in flight; a call starts only once the one `concurrency` before it ended.
 */
export interface TitleBasicsSink {
  readonly concurrency: number;
  write(rows: readonly TitleBasicsRow[]): Promise<WriteOutcome>;
}

export interface ImportProgress {
  readonly bytesRead: number;
  readonly rowsRead: number;
}

export interface TitleBasicsImportOptions {
  /** Rows per written batch. */
  readonly batchSize: number;
  /** The latest film year accepted; see latestFilmYear. */
  readonly latestYear?: number;
  /** Called after every chunk read. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

export class NotTitleBasicsError extends Error {
  override readonly name = 'NotTitleBasicsError';

  constructor() {
    super(`the first line is not the title.basics.tsv header (${TITLE_BASICS_COLUMNS.join(', ')})`);
  }
}

interface BatchInFlight {
  readonly done: Promise<void>;
  readonly imdbIds: ReadonlySet<string>;
}

/** Batches handed to the sink in file order, at most `sink.concurrency` of them in flight. */
class BatchPipeline {
  private batch: TitleBasicsRow[] = [];
  private imdbIds = new Set<string>();
  private readonly inFlight: BatchInFlight[] = [];

  constructor(
    private readonly sink: TitleBasicsSink,
    private readonly batchSize: number,
    private readonly tally: ImportTally,
  ) {}

  /**
   * A repeated imdb id first waits for every earlier row to be written, so the later line wins,
   * as it would have in a later, separate import.
   */
  add(row: TitleBasicsRow): Promise<void> | null {
    const id = row.film.imdbId;
    if (this.imdbIds.has(id) || this.inFlight.some((batch) => batch.imdbIds.has(id))) {
      return this.send()
        .then(() => this.drain())
        .then(() => this.add(row) ?? undefined);
    }
    this.batch.push(row);
    this.imdbIds.add(id);
    // Most rows only join the batch: no promise, no await, for a million rows.
    return this.batch.length >= this.batchSize ? this.send() : null;
  }

  async finish(): Promise<void> {
    await this.send();
    await this.drain();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    while (this.inFlight.length >= this.sink.concurrency) await this.inFlight.shift()!.done;
    const done = this.sink.write(this.batch).then((outcome) => this.tally.written(outcome));
    // Handled here so a failure while later rows are parsed is not an unhandled rejection; it is
    // rethrown when this batch's turn to be awaited comes.
    done.catch(() => undefined);
    this.inFlight.push({ done, imdbIds: this.imdbIds });
    this.batch = [];
    this.imdbIds = new Set();
  }

  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift()!.done;
  }
}

/**
 * Streams a title.basics.tsv into the sink in batches, parsing while earlier batches are written.
 * Memory holds the batches in flight and one chunk of the file, whatever the file's size.
 */
export async function importTitleBasics(
  source: AsyncIterable<Buffer | string>,
  sink: TitleBasicsSink,
  options: TitleBasicsImportOptions,
): Promise<ImportCounts> {
  const tally = new ImportTally();
  const pipeline = new BatchPipeline(sink, options.batchSize, tally);
  const latestYear = options.latestYear ?? latestFilmYear();
  let lineNumber = 0;
  for await (const chunk of readLineChunks(source)) {
    for (const line of chunk.lines) {
      lineNumber += 1;
      if (lineNumber === 1) {
        if (!isTitleBasicsHeader(line)) throw new NotTitleBasicsError();
        continue;
      }
      tally.read();
      const parsed = parseTitleBasicsLine(line, latestYear);
      if (parsed.kind === 'bad') tally.bad({ at: lineNumber, reason: parsed.reason });
      else if (parsed.kind === 'ignored') tally.ignore(parsed.reason);
      else await pipeline.add({ line: lineNumber, film: parsed.film });
    }
    options.onProgress?.({ bytesRead: chunk.bytesRead, rowsRead: tally.rowsRead });
  }
  if (lineNumber === 0) throw new NotTitleBasicsError();
  await pipeline.finish();
  return tally.counts();
}
