import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SelectionResource, Written } from '../../programme-resources.js';
import { ProgrammeWriter } from '../../programme-writer.js';
import type { SelectionInput } from '../../selection-writes.js';

/** An admin selects a film for an edition (or changes its strand, premiere, gala or note). */
export class PutSelection extends Command<Written<SelectionResource>> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly film: string,
    readonly selection: SelectionInput,
  ) {
    super();
  }
}

@CommandHandler(PutSelection)
export class PutSelectionHandler implements ICommandHandler<PutSelection> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ festival, year, film, selection }: PutSelection): Promise<Written<SelectionResource>> {
    return this.writer.putSelection(festival, year, film, selection);
  }
}
