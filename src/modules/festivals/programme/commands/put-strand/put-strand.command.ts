import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StrandInput } from '../../festival-writes.js';
import type { StrandResource, Written } from '../../programme-resources.js';
import { ProgrammeWriter } from '../../programme-writer.js';

/** An admin names (or renames) a strand of an edition. */
export class PutStrand extends Command<Written<StrandResource>> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly slug: string,
    readonly strand: StrandInput,
  ) {
    super();
  }
}

@CommandHandler(PutStrand)
export class PutStrandHandler implements ICommandHandler<PutStrand> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ festival, year, slug, strand }: PutStrand): Promise<Written<StrandResource>> {
    return this.writer.putStrand(festival, year, slug, strand);
  }
}
