import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { IMDB_GENRE_NAMES, filmTitle } from '../../src/modules/catalog/seed/vocabulary.js';

/** Title types with roughly their share of the rows (films first; IMDb's own mix has more episodes). */
const TITLE_TYPES: readonly (readonly [string, number])[] = [
  ['movie', 0.62],
  ['short', 0.12],
  ['tvMovie', 0.06],
  ['tvEpisode', 0.1],
  ['tvSeries', 0.04],
  ['video', 0.04],
  ['tvSpecial', 0.01],
  ['videoGame', 0.01],
];

/** Lines a real export could carry by mistake, each a different reason. */
const BAD_LINES: readonly ((tconst: string) => string)[] = [
  (tconst) => `${tconst}\tmovie\tToo Few Columns\t0\t1999`,
  (tconst) => `${tconst.replace('tt', 'nm')}\tmovie\tA Person Id\tA Person Id\t0\t2001\t\\N\t90\tDrama`,
  (tconst) => `${tconst}\tmovie\tBattle of Hastings\tBattle of Hastings\t0\t1066\t\\N\t95\tWar`,
  (tconst) => `${tconst}\tmovie\tLong Night\tLong Night\t0\t2004\t\\N\tninety\tDrama`,
  (tconst) => `${tconst}\tmovie\t\t\t0\t2010\t\\N\t88\tComedy`,
];

export interface TitleBasicsFileFigures {
  readonly rows: number;
  readonly badRows: number;
  readonly bytes: number;
}

const tconstOf = (index: number): string => `tt${String(index * 7 + 1_000_003).padStart(8, '0')}`;

function titleType(random: SeededRandom): string {
  let roll = random.next();
  for (const [type, share] of TITLE_TYPES) {
    roll -= share;
    if (roll < 0) return type;
  }
  return 'movie';
}

function goodLine(random: SeededRandom, tconst: string): string {
  const type = titleType(random);
  const title = filmTitle(random);
  const original = random.chance(0.15) ? filmTitle(random) : title;
  const year = random.chance(0.03) ? '\\N' : String(2025 - Math.floor(random.next() ** 1.6 * 125));
  const short = type === 'short';
  const runtime = random.chance(0.1) ? '\\N' : String(short ? random.int(2, 40) : random.int(62, 200));
  const genres = random.chance(0.05)
    ? '\\N'
    : random.sample(IMDB_GENRE_NAMES, random.int(1, 3)).sort().join(',');
  const adult = random.chance(0.005) ? '1' : '0';
  return [tconst, type, title, original, adult, year, '\\N', runtime, genres].join('\t');
}

/**
 * Writes a title.basics.tsv of `rows` data lines after the header, the same file for the same
 * arguments. One line in `badEvery` is bad.
 */
export async function writeTitleBasicsFile(
  path: string,
  rows: number,
  badEvery = 10_000,
): Promise<TitleBasicsFileFigures> {
  const random = new SeededRandom(20_081_130);
  const out = createWriteStream(path);
  let badRows = 0;
  let lines: string[] = [
    'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres',
  ];
  for (let index = 0; index < rows; index += 1) {
    const tconst = tconstOf(index);
    if (index % badEvery === badEvery - 1) {
      lines.push(BAD_LINES[badRows % BAD_LINES.length]!(tconst));
      badRows += 1;
    } else {
      lines.push(goodLine(random, tconst));
    }
    if (lines.length >= 5_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return { rows, badRows, bytes: out.bytesWritten };
}
