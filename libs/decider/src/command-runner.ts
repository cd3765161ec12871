import { WrongExpectedVersionError, type EventStore, type NewEvent, type Position } from '#event-store';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type Backoff } from './backoff.js';
import { fold, type Decider, type DomainCommand, type DomainEvent } from './decider.js';
import { loadStream } from './load-stream.js';
import type { StreamFolds } from './stream-folds.js';
import { currentSchemaVersion, type EventUpcasters } from './upcasting.js';

export type Clock = () => Date;
export type IdGenerator = () => string;

/** Who asked and why; stamped into the metadata of every event the command appends. */
export interface CommandContext {
  readonly actorId: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
}

export interface CommandRunnerSettings {
  readonly store: EventStore;
  readonly clock: Clock;
  /** Event ids; they must be UUIDs and never repeat. */
  readonly ids: IdGenerator;
  /** Attempts in all, the first included, before a conflict is rethrown (default 10). */
  readonly maxAttempts?: number;
  readonly backoff?: Backoff;
}

export interface CommandRequest<Command extends DomainCommand, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: NoInfer<Command>;
  readonly context: CommandContext;
  readonly upcasters?: EventUpcasters;
  /** Folds kept between commands, for long streams: only the events after a kept fold are read. */
  readonly folds?: StreamFolds<State>;
}

export interface CommandResult<Event extends DomainEvent, State> {
  /** The events appended; empty when the command changed nothing. */
  readonly events: readonly Event[];
  readonly state: State;
  /**
   * The consistency token: the position of the last appended event or, when nothing was
   * appended, of the stream's last event; null only for a no-op on an empty stream.
   */
  readonly position: Position | null;
  /** Revision of the stream's last event afterwards; null when the stream is still empty. */
  readonly revision: bigint | null;
}

export type RunCommandOptions<
  Command extends DomainCommand,
  Event extends DomainEvent,
  State,
> = CommandRunnerSettings & CommandRequest<Command, Event, State>;

const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Load, decide, append with the revision read. A concurrent append to the same stream makes
 * the append fail; the command is then decided again on the fresh stream after a jittered
 * pause, up to `maxAttempts` times, and the last conflict is rethrown.
 */
export async function runCommand<Command extends DomainCommand, Event extends DomainEvent, State>(
  options: RunCommandOptions<Command, Event, State>,
): Promise<CommandResult<Event, State>> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await decideAndAppend(options);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= maxAttempts) throw error;
      await sleep(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF));
    }
  }
}

async function decideAndAppend<Command extends DomainCommand, Event extends DomainEvent, State>(
  options: RunCommandOptions<Command, Event, State>,
): Promise<CommandResult<Event, State>> {
  const { store, decider, streamId, folds } = options;
  const upcasters = options.upcasters ?? {};
  const loaded = await loadStream(store, streamId, decider, upcasters, folds?.get(streamId));
  folds?.remember(streamId, loaded);
  const events = decider.decide(options.command, loaded.state);
  if (events.length === 0) {
    return { events, state: loaded.state, position: loaded.position, revision: loaded.revision };
  }

  const decidedAt = options.clock().toISOString();
  const toAppend = events.map((event): NewEvent => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: options.ids(),
      actorId: options.context.actorId,
      correlationId: options.context.correlationId,
      causationId: options.context.causationId,
      occurredAt: event.occurredAt === undefined ? decidedAt : toInstant(event.occurredAt),
      schemaVersion: currentSchemaVersion(upcasters, event.type),
    },
  }));
  // Folded as a later load would fold them: each knows when it happened, as its metadata says.
  const state = fold(
    decider,
    loaded.state,
    events.map((event, index) => ({ ...event, occurredAt: toAppend[index]!.metadata.occurredAt })),
  );
  const expectedRevision = loaded.revision ?? 'no_stream';
  const appended = await store.append(streamId, toAppend, { expectedRevision });
  // The append succeeded at the revision read, so the stream is exactly the loaded events and ours.
  folds?.remember(streamId, { state, position: appended.position, revision: appended.nextExpectedRevision });
  return { events, state, position: appended.position, revision: appended.nextExpectedRevision };
}

const toInstant = (value: string): string => {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`occurredAt is not a valid instant: ${value}`);
  return instant.toISOString();
};

/** The runner with its store, clock and id source bound, for injection into command handlers. */
export class CommandRunner {
  constructor(private readonly settings: CommandRunnerSettings) {}

  run<Command extends DomainCommand, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult<Event, State>> {
    return runCommand({ ...this.settings, ...request });
  }
}
