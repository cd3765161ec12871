import { BAD_ROWS_KEPT, ImportTally } from './import-tally.js';
import { formatImportReport, type ImportReport } from './import-report.js';

const reportOf = (tally: ImportTally): ImportReport => ({
  ...tally.counts(),
  file: 'title.basics.tsv',
  format: 'title-basics',
  seconds: 2,
  rowsPerSecond: 60,
  peakRssMiB: 90.5,
  rssMiBByProgress: { '25%': 80, '50%': 81, '75%': null, '100%': 82 },
});

describe('the import report', () => {
  it('lists the first bad rows by line, in file order, and says how many more there were', () => {
    const tally = new ImportTally();
    for (let line = BAD_ROWS_KEPT + 6; line >= 2; line -= 1) {
      tally.read();
      tally.bad({ at: line, reason: `reason ${line}` });
    }

    const text = formatImportReport(reportOf(tally));

    expect(text).toContain(`skipped    ${BAD_ROWS_KEPT + 5} bad rows`);
    expect(text).toContain(`line ${BAD_ROWS_KEPT + 6}: reason ${BAD_ROWS_KEPT + 6}`);
    expect(text.split('\n').filter((line) => line.startsWith('line '))).toHaveLength(BAD_ROWS_KEPT);
    expect(text.endsWith('… and 5 more bad rows')).toBe(true);
  });

  it('counts the posters kept and lists those not kept by their film’s line, after the bad rows', () => {
    const tally = new ImportTally();
    tally.bad({ at: 2, reason: 'title: missing' });
    tally.poster(5, 'posters/b.jpg: no such file');
    tally.poster(3, null);
    tally.poster(4, 'posters/a.jpg: not a JPEG, PNG or WebP picture');

    const lines = formatImportReport(reportOf(tally)).split('\n');

    expect(lines).toContain('  posters    1 kept, 2 not kept');
    expect(lines.slice(-3)).toEqual([
      'line 2: title: missing',
      'line 4: poster not kept: posters/a.jpg: not a JPEG, PNG or WebP picture',
      'line 5: poster not kept: posters/b.jpg: no such file',
    ]);
  });

  it('counts ignored rows by kind, most frequent first, and written rows by outcome', () => {
    const tally = new ImportTally();
    ['tvEpisode', 'video', 'tvEpisode', 'adult'].forEach((kind) => tally.ignore(kind));
    tally.written({ inserted: 3, updated: 2, unchanged: 1, bad: [] });

    const counts = tally.counts();
    const text = formatImportReport(reportOf(tally));

    expect(Object.entries(counts.ignoredByKind)).toEqual([
      ['tvEpisode', 2],
      ['adult', 1],
      ['video', 1],
    ]);
    expect(text).toContain('ignored    4 (not films: tvEpisode 2, adult 1, video 1)');
    expect(text).toMatch(/imported +3\n +updated +2\n +unchanged +1\n/);
    expect(text).toContain('RSS MiB by share of the file read: 25% 80, 50% 81, 75% -, 100% 82');
    expect(text).not.toContain('more bad rows');
  });
});
