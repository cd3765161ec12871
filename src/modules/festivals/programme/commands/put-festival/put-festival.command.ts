import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FestivalInput } from '../../festival-writes.js';
import type { FestivalResource, Written } from '../../programme-resources.js';
import { ProgrammeWriter } from '../../programme-writer.js';

/** An admin names (or renames) a festival. */
export class PutFestival extends Command<Written<FestivalResource>> {
  constructor(
    readonly slug: string,
    readonly festival: FestivalInput,
  ) {
    super();
  }
}

@CommandHandler(PutFestival)
export class PutFestivalHandler implements ICommandHandler<PutFestival> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ slug, festival }: PutFestival): Promise<Written<FestivalResource>> {
    return this.writer.putFestival(slug, festival);
  }
}
