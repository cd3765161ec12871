import type { WriteOutcome } from './import-tally.js';
import {
  NotTitleBasicsError,
  importTitleBasics,
  type TitleBasicsRow,
  type TitleBasicsSink,
} from './title-basics.import.js';

const HEADER =
  'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';
const film = (id: number, title = `Film ${id}`, type = 'movie'): string =>
  [`tt${String(id).padStart(7, '0')}`, type, title, title, '0', '2000', '\\N', '90', 'Drama'].join('\t');

async function* fileOf(...lines: string[]): AsyncGenerator<string> {
  yield `${lines.join('\n')}\n`;
}

async function* emptyFile(): AsyncGenerator<string> {}

/** Records batches; lets a test hold writes open to see how many are in flight. */
class RecordingSink implements TitleBasicsSink {
  readonly batches: TitleBasicsRow[][] = [];
  inFlight = 0;
  mostInFlight = 0;

  constructor(
    readonly concurrency: number,
    private readonly outcome: (rows: readonly TitleBasicsRow[]) => WriteOutcome = (rows) => ({
      inserted: rows.length,
      updated: 0,
      unchanged: 0,
      bad: [],
    }),
  ) {}

  async write(rows: readonly TitleBasicsRow[]): Promise<WriteOutcome> {
    this.batches.push([...rows]);
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight -= 1;
    return this.outcome(rows);
  }
}

describe('importTitleBasics', () => {
  it('writes films in batches in file order and counts the rest by kind, with line numbers', async () => {
    const sink = new RecordingSink(2);
    const counts = await importTitleBasics(
      fileOf(HEADER, film(1), film(2), 'broken line', film(3, 'Episode', 'tvEpisode'), film(4), film(5)),
      sink,
      { batchSize: 2, latestYear: 2036 },
    );

    expect(sink.batches.map((batch) => batch.map((row) => row.line))).toEqual([
      [2, 3],
      [6, 7],
    ]);
    expect(counts).toMatchObject({
      rows: 6,
      imported: 4,
      ignored: 1,
      ignoredByKind: { tvEpisode: 1 },
      skipped: 1,
      badRows: [{ at: 4, reason: 'expected 9 tab-separated columns, found 1' }],
    });
  });

  it('never has more batches in flight than the sink takes', async () => {
    const sink = new RecordingSink(2);
    const lines = Array.from({ length: 40 }, (_, index) => film(index + 1));

    await importTitleBasics(fileOf(HEADER, ...lines), sink, { batchSize: 3 });

    expect(sink.batches).toHaveLength(14);
    expect(sink.mostInFlight).toBe(2);
  });

  it('writes a repeated imdb id only after every earlier row, so the later line wins', async () => {
    const sink = new RecordingSink(2);

    await importTitleBasics(fileOf(HEADER, film(1, 'Old'), film(2), film(1, 'New'), film(3)), sink, {
      batchSize: 10,
    });

    expect(sink.batches.map((batch) => batch.map((row) => row.film.title))).toEqual([
      ['Old', 'Film 2'],
      ['New', 'Film 3'],
    ]);
    expect(sink.mostInFlight).toBe(1);
  });

  it('adds the bad rows the sink reports to those of the parser, listed in file order', async () => {
    const sink = new RecordingSink(1, (rows) => ({
      inserted: rows.length - 1,
      updated: 0,
      unchanged: 0,
      bad: [{ at: rows[0]!.line, reason: 'the database refused it' }],
    }));

    const counts = await importTitleBasics(fileOf(HEADER, film(1), film(2), 'x', film(3)), sink, {
      batchSize: 2,
    });

    expect(counts.imported).toBe(1);
    expect(counts.skipped).toBe(3);
    expect(counts.badRows.map((row) => row.at)).toEqual([2, 4, 5]);
  });

  it('stops with the sink error when a write fails for a reason other than the rows', async () => {
    const sink: TitleBasicsSink = {
      concurrency: 2,
      write: () => Promise.reject(new Error('connection lost')),
    };
    const lines = Array.from({ length: 10 }, (_, index) => film(index + 1));

    await expect(importTitleBasics(fileOf(HEADER, ...lines), sink, { batchSize: 2 })).rejects.toThrow(
      'connection lost',
    );
  });

  it('refuses a file without the header, or an empty one', async () => {
    const sink = new RecordingSink(1);

    await expect(importTitleBasics(fileOf(film(1)), sink, { batchSize: 2 })).rejects.toBeInstanceOf(
      NotTitleBasicsError,
    );
    await expect(importTitleBasics(emptyFile(), sink, { batchSize: 2 })).rejects.toBeInstanceOf(
      NotTitleBasicsError,
    );
  });
});
