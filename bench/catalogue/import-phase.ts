import { spawn } from 'node:child_process';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import type { ImportReport } from '../../src/modules/catalog/import/import-report.js';
import type { TitleBasicsFileFigures } from './title-basics-file.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ImportRunFigures {
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly ignored: number;
  readonly skipped: number;
  readonly peakRssMiB: number;
  readonly rssMiBByProgress: ImportReport['rssMiBByProgress'];
}

export interface ImportFigures {
  readonly file: TitleBasicsFileFigures;
  /** Into an empty catalogue: a first load, its secondary indexes built at the end. */
  readonly first: ImportRunFigures;
  /** Into a catalogue holding one film, so every index is kept row by row. */
  readonly kept: ImportRunFigures;
  /** The same file again: every film unchanged. */
  readonly again: ImportRunFigures;
  /** Largest RSS sample over the smallest, from 25% to 100% of the file (first run). */
  readonly rssGrowth: number;
}

/**
 * Runs `npm run --silent catalog:import -- <file> --json` as a child process, exactly as an
 * operator would (the same node flags), from the project's root.
 */
export async function runImportCli(
  file: string,
  databaseUrl: string,
  onProgress: (line: string) => void,
): Promise<ImportReport> {
  const child = spawn('npm', ['run', '--silent', 'catalog:import', '--', file, '--json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const line of chunk.toString().split('\n')) {
      // npm's own warnings about the machine's configuration are not the importer's.
      if (line.trim() && !line.startsWith('npm warn')) onProgress(line.trim());
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the import exited with code ${code}:\n${stderr}`);
  return JSON.parse(stdout) as ImportReport;
}

const figuresOf = (report: ImportReport): ImportRunFigures => ({
  seconds: report.seconds,
  rowsPerSecond: report.rowsPerSecond,
  imported: report.imported,
  updated: report.updated,
  unchanged: report.unchanged,
  ignored: report.ignored,
  skipped: report.skipped,
  peakRssMiB: report.peakRssMiB,
  rssMiBByProgress: report.rssMiBByProgress,
});

/** A bench whose import miscounts would measure something else: it stops and says so. */
function checkCounts(file: TitleBasicsFileFigures, first: ImportRunFigures, again: ImportRunFigures): void {
  const films = first.imported;
  const problems = [
    first.imported + first.ignored + first.skipped === file.rows ? null : 'the first run lost rows',
    first.skipped === file.badRows ? null : `${first.skipped} bad rows reported, ${file.badRows} written`,
    again.unchanged === films && again.imported === 0 && again.updated === 0
      ? null
      : 'the second run changed films',
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new Error(`Import counts are wrong: ${problems.join('; ')}`);
}

/** One film not in the file: the catalogue is no longer empty, so an import keeps its indexes. */
async function addOneFilm(databaseUrl: string): Promise<void> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await client.query(
      `INSERT INTO films (id, slug, title, search_text, title_key)
       VALUES (gen_random_uuid(), 'bench-film', 'Bench', 'bench', 'bench')`,
    );
  } finally {
    await client.end();
  }
}

/** `urls.first` starts empty; `urls.kept` is given one film first, for the import row by row. */
export async function measureImport(
  file: TitleBasicsFileFigures & { readonly path: string },
  urls: { readonly first: string; readonly kept: string },
  onProgress: (line: string) => void,
): Promise<ImportFigures> {
  await addOneFilm(urls.kept);
  const kept = figuresOf(await runImportCli(file.path, urls.kept, onProgress));
  const first = figuresOf(await runImportCli(file.path, urls.first, onProgress));
  const again = figuresOf(await runImportCli(file.path, urls.first, onProgress));
  checkCounts(file, first, again);
  if (kept.imported !== first.imported) throw new Error('Import counts are wrong: the two catalogues differ');
  const samples = Object.values(first.rssMiBByProgress).filter((rss): rss is number => rss !== null);
  return {
    file: { rows: file.rows, badRows: file.badRows, bytes: file.bytes },
    first,
    kept,
    again,
    rssGrowth: Math.max(...samples) / Math.min(...samples),
  };
}
