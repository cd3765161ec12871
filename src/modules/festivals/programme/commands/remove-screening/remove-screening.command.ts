import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProgrammeWriter } from '../../programme-writer.js';

/** An admin cancels a screening; it leaves every plan that held it. */
export class RemoveScreening extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}

@CommandHandler(RemoveScreening)
export class RemoveScreeningHandler implements ICommandHandler<RemoveScreening> {
  constructor(private readonly writer: ProgrammeWriter) {}

  execute({ id }: RemoveScreening): Promise<void> {
    return this.writer.removeScreening(id);
  }
}
