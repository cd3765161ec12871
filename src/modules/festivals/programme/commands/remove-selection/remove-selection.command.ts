import { NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProgrammeWriter } from '../../programme-writer.js';

/** An admin withdraws a film from an edition; its screenings go with it. */
export class RemoveSelection extends Command<void> {
  constructor(
    readonly festival: string,
    readonly year: string,
    readonly film: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveSelection)
export class RemoveSelectionHandler implements ICommandHandler<RemoveSelection> {
  constructor(private readonly writer: ProgrammeWriter) {}

  async execute({ festival, year, film }: RemoveSelection): Promise<void> {
    const removed = await this.writer.removeSelection(festival, year, film);
    if (!removed)
      throw new NotFoundException(`The film ${film.slice(0, 100)} is not selected for this edition`);
  }
}
