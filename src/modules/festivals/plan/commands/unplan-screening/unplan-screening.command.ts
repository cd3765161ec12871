import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { ScreeningNotFoundException } from '../../../programme/programme-errors.js';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import type { PlanWritten } from '../../plan.response.js';
import { PlanCommandRunner } from '../plan-command-runner.js';

/**
 * Takes a screening out of the member's plan; not planned: nothing changes. A screening since
 * deleted from the programme can still be taken out of a plan that holds it.
 */
export class UnplanScreening extends Command<PlanWritten> {
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

@CommandHandler(UnplanScreening)
export class UnplanScreeningHandler implements ICommandHandler<UnplanScreening> {
  constructor(
    private readonly plans: PlanCommandRunner,
    private readonly programme: ProgrammeReader,
  ) {}

  async execute({ memberId, festival, year, screeningId, context }: UnplanScreening): Promise<PlanWritten> {
    const edition = await this.plans.edition(festival, year);
    const id = PlanCommandRunner.checkId(screeningId);
    const screening = await this.programme.screening(id);
    if (screening !== null && screening.editionId !== edition.id)
      throw new ScreeningNotFoundException(screeningId);
    if (screening === null && !(await this.plans.state(memberId, edition)).screeningIds.includes(id)) {
      throw new ScreeningNotFoundException(screeningId);
    }
    return this.plans.run(
      memberId,
      edition,
      { type: 'UnplanScreening', editionId: edition.id, screeningId: id },
      context,
    );
  }
}
