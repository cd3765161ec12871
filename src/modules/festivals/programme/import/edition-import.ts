import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import type { ProgrammeWrites, ProgrammeWriter } from '../programme-writer.js';
import type { WriteOutcome } from '../programme-resources.js';
import { startWithin } from '../selection-writes.js';
import type { EditionFile } from './edition-file.js';

export type Tally = Record<
  'festival' | 'edition' | 'strands' | 'films' | 'screenings',
  Record<WriteOutcome, number>
>;

/** Refused before anything was written: every problem, by position in the file. */
export class EditionImportRefused extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const messageOf = (error: unknown): string =>
  error instanceof InvalidInputException
    ? error.fieldErrors.map((field) => field.message).join('; ')
    : error instanceof Error
      ? error.message
      : String(error);

/** What the catalogue and the file itself must agree on, found before any write. */
async function problemsOf(writes: ProgrammeWrites, file: EditionFile): Promise<string[]> {
  const problems: string[] = [];
  const strands = new Set(file.strands.map((strand) => strand.slug));
  const selected = new Set<string>();
  for (const [index, selection] of file.films.entries()) {
    const film = await writes.selections.findFilm(selection.film);
    if (film === null) problems.push(`films[${index}].film: no film ${selection.film} in the catalogue`);
    else selected.add(film.id);
    if (!strands.has(selection.strand))
      problems.push(`films[${index}].strand: no such strand ${selection.strand}`);
  }
  for (const [index, screening] of file.screenings.entries()) {
    const film = await writes.selections.findFilm(screening.film);
    if (film === null || !selected.has(film.id))
      problems.push(`screenings[${index}].film: ${screening.film} is not among the films`);
    try {
      startWithin(file.edition, screening.startsAt);
    } catch (error) {
      problems.push(`screenings[${index}].startsAt: ${messageOf(error)}`);
    }
  }
  return problems;
}

const emptyTally = (): Tally => {
  const none = (): Record<WriteOutcome, number> => ({ created: 0, updated: 0, unchanged: 0 });
  return { festival: none(), edition: none(), strands: none(), films: none(), screenings: none() };
};

/**
 * Writes a whole edition in one transaction, adding and updating (never deleting), so a second
 * run changes nothing; any problem refuses the whole file.
 */
export function importEdition(writer: ProgrammeWriter, file: EditionFile): Promise<Tally> {
  return writer.transaction(async (writes) => {
    const problems = await problemsOf(writes, file);
    if (problems.length > 0) throw new EditionImportRefused(problems);
    const tally = emptyTally();
    const { slug, ...festival } = file.festival;
    tally.festival[(await writes.festivals.putFestival(slug, festival)).outcome] += 1;
    const { year, ...details } = file.edition;
    tally.edition[
      (await writes.festivals.putEdition(slug, year, details).catch(refuse('edition'))).outcome
    ] += 1;
    const edition = await writes.edition(slug, year);
    for (const { slug: strand, ...body } of file.strands)
      tally.strands[(await writes.festivals.putStrand(edition, strand, body)).outcome] += 1;
    for (const { film, ...body } of file.films)
      tally.films[(await writes.selections.putSelection(edition, film, body)).outcome] += 1;
    for (const screening of file.screenings)
      tally.screenings[(await writes.selections.addScreening(edition, screening)).outcome] += 1;
    return tally;
  });
}

/** A write the database refused (e.g. new dates that leave screenings outside), named by its part. */
const refuse =
  (at: string) =>
  (error: unknown): never => {
    if (error instanceof Error && 'field' in error)
      throw new EditionImportRefused([`${at}.${String(error.field)}: ${error.message}`]);
    if (error instanceof InvalidInputException)
      throw new EditionImportRefused([`${at}: ${messageOf(error)}`]);
    throw error;
  };
