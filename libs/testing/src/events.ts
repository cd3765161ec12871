import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '#event-store';

/** An event ready to append, with fresh ids; override metadata where a test needs to. */
export const testEvent = (
  type = 'SomethingHappened',
  data: Record<string, unknown> = {},
  metadata: Partial<EventMetadata> = {},
): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    actorId: null,
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    ...metadata,
  },
});
