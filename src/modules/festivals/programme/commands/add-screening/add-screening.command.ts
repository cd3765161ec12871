import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ScreeningResource, Written } from '../../programme-resources.js';
import { ProgrammeWriter } from '../../programme-writer.js';
import type { ScreeningInput } from '../../selection-writes.js';

/** An admin schedules a screening of a selected film. */
export class AddScreening extends Command<Written<ScreeningResource>> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly screening: ScreeningInput,
  ) {
    super();
  }
}

@CommandHandler(AddScreening)
export class AddScreeningHandler implements ICommandHandler<AddScreening> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ festival, year, screening }: AddScreening): Promise<Written<ScreeningResource>> {
    return this.writer.addScreening(festival, year, screening);
  }
}
