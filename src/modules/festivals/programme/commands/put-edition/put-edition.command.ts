import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EditionInput } from '../../festival-writes.js';
import type { EditionResource, Written } from '../../programme-resources.js';
import { ProgrammeWriter } from '../../programme-writer.js';

/** An admin sets an edition's dates, zone and prices. */
export class PutEdition extends Command<Written<EditionResource>> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly edition: EditionInput,
  ) {
    super();
  }
}

@CommandHandler(PutEdition)
export class PutEditionHandler implements ICommandHandler<PutEdition> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ festival, year, edition }: PutEdition): Promise<Written<EditionResource>> {
    return this.writer.putEdition(festival, year, edition);
  }
}
