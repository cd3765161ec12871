import { currentSchemaVersion, type CommandContext, type IdGenerator } from '#decider';
import type { NewEvent } from '#event-store';

/** An imported fact as the store takes it: the metadata the runner would give, at the fact's own time. */
export const importedEvent = (
  context: CommandContext,
  ids: IdGenerator,
  event: { readonly type: string; readonly data: NewEvent['data'] },
  occurredAt: string,
): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: {
    eventId: ids(),
    actorId: context.actorId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: new Date(occurredAt).toISOString(),
    schemaVersion: currentSchemaVersion({}, event.type),
  },
});
