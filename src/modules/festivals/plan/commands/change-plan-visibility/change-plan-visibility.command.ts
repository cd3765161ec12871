import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { PlanVisibility } from '../../../domain/plan.events.js';
import type { PlanWritten } from '../../plan.response.js';
import { PlanCommandRunner } from '../plan-command-runner.js';

/** Who sees the member's plan: private (the default), friends (whom the member follows), public. */
export class ChangePlanVisibility extends Command<PlanWritten> {
  constructor(
    readonly memberId: string,
    readonly festival: string,
    readonly year: string | number,
    readonly visibility: PlanVisibility,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangePlanVisibility)
export class ChangePlanVisibilityHandler implements ICommandHandler<ChangePlanVisibility> {
  constructor(private readonly plans: PlanCommandRunner) {}

  async execute({
    memberId,
    festival,
    year,
    visibility,
    context,
  }: ChangePlanVisibility): Promise<PlanWritten> {
    const edition = await this.plans.edition(festival, year);
    return this.plans.run(
      memberId,
      edition,
      { type: 'ChangePlanVisibility', editionId: edition.id, visibility },
      context,
    );
  }
}
