import { Inject, Injectable } from '@nestjs/common';
import { loadStream, type CommandContext } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { isUuid } from '../../../../common/uuid.js';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { planDecider, type PlanCommand, type PlanState } from '../../domain/plan.decider.js';
import { planStream } from '../../domain/plan.events.js';
import { ScreeningNotFoundException } from '../../programme/programme-errors.js';
import { ProgrammeReader, type EditionRef } from '../../programme/programme-reader.js';
import { planView } from '../plan-view.js';
import type { PlanView, PlanWritten } from '../plan.response.js';

/**
 * What every plan command shares: the edition from the path (404 when unknown), the decision on
 * the member's stream for it, and the answer built from the decided state and the programme as
 * it is now, so it is current without waiting for the projection.
 */
@Injectable()
export class PlanCommandRunner {
  constructor(
    private readonly programme: ProgrammeReader,
    private readonly runner: PositionedCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  edition(festival: string, year: string | number): Promise<EditionRef> {
    return this.programme.edition(festival, year);
  }

  /** A screening of this edition, or ScreeningNotFoundException (404): unknown, malformed, or another edition's. */
  async screeningOf(edition: EditionRef, screeningId: string): Promise<string> {
    const screening = await this.programme.screening(screeningId);
    if (screening === null || screening.editionId !== edition.id)
      throw new ScreeningNotFoundException(screeningId);
    return screening.id;
  }

  /** A well-formed screening id, as the stream stores it (lower case), or ScreeningNotFoundException. */
  static checkId(screeningId: string): string {
    if (!isUuid(screeningId)) throw new ScreeningNotFoundException(screeningId);
    return screeningId.toLowerCase();
  }

  async run(
    memberId: string,
    edition: EditionRef,
    command: PlanCommand,
    context: CommandContext,
  ): Promise<PlanWritten> {
    const result = await this.runner.run({
      decider: planDecider,
      streamId: planStream(memberId, edition.id),
      command,
      context,
    });
    return { plan: await this.view(edition, result.state), position: result.position };
  }

  async view(edition: EditionRef, state: PlanState): Promise<PlanView> {
    return planView(edition, state.visibility, await this.programme.screenings(state.screeningIds));
  }

  /** The plan as its stream tells it. */
  async state(memberId: string, edition: EditionRef): Promise<PlanState> {
    return (await loadStream(this.store, planStream(memberId, edition.id), planDecider, {})).state;
  }
}
