import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { PlanWritten } from '../../plan.response.js';
import { PlanCommandRunner } from '../plan-command-runner.js';

/** Adds a screening of the edition to the member's plan; planned already: nothing changes. */
export class PlanScreening extends Command<PlanWritten> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
    readonly screeningId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PlanScreening)
export class PlanScreeningHandler implements ICommandHandler<PlanScreening> {
  constructor(private readonly plans: PlanCommandRunner) {}

  async execute({ memberId, festival, year, screeningId, context }: PlanScreening): Promise<PlanWritten> {
    const edition = await this.plans.edition(festival, year);
    const id = await this.plans.screeningOf(edition, screeningId);
    return this.plans.run(
      memberId,
      edition,
      { type: 'PlanScreening', editionId: edition.id, screeningId: id },
      context,
    );
  }
}
