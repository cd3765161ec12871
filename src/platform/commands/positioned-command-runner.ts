import { Inject, Injectable } from '@nestjs/common';
import {
  CommandRunner,
  type CommandRequest,
  type CommandResult,
  type DomainCommand,
  type DomainEvent,
} from '#decider';
import { EVENT_STORE, type EventStore, type Position } from '#event-store';

/** A command's outcome with the position a reader of its effect waits for. */
export interface PositionedResult<Event extends DomainEvent, State> extends CommandResult<Event, State> {
  /**
   * The last appended event's position; for a command that changed nothing, the stream's last
   * event's, or the origin when the stream is empty (every projection has passed it, so a read
   * waiting for it answers at once).
   */
  readonly position: Position;
}

/** The command runner for the edges, whose answers always carry a consistency token. */
@Injectable()
export class PositionedCommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run<Command extends DomainCommand, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<PositionedResult<Event, State>> {
    const result = await this.runner.run(request);
    return { ...result, position: result.position ?? this.store.origin };
  }
}
