import type { EventPayload, RecordedEvent } from '#event-store';
import type { DomainEvent } from './decider.js';

/** Lifts an event's data from one schema version to the next. */
export type UpcastStep = (data: EventPayload) => EventPayload;

/**
 * Per event type, the steps in order: the first lifts version 1 to 2, the second 2 to 3, and
 * so on. An event type's current schema version is one more than its number of steps, so a
 * type without steps is at version 1. Events never change once written; readers upgrade them.
 */
export type EventUpcasters = Readonly<Record<string, readonly UpcastStep[]>>;

/** A stored event whose schema version this code cannot read (unknown, or written by newer code). */
export class UnsupportedSchemaVersionError extends Error {
  override readonly name = 'UnsupportedSchemaVersionError';

  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${eventType} schema version ${schemaVersion} cannot be read (current version ${currentVersion})`);
  }
}

const stepsOf = (upcasters: EventUpcasters, eventType: string): readonly UpcastStep[] =>
  Object.hasOwn(upcasters, eventType) ? upcasters[eventType]! : [];

export const currentSchemaVersion = (upcasters: EventUpcasters, eventType: string): number =>
  stepsOf(upcasters, eventType).length + 1;

/** The recorded event as the domain sees it, at its type's current schema version. */
export function upcastEvent(upcasters: EventUpcasters, event: RecordedEvent): DomainEvent {
  const version = event.metadata.schemaVersion;
  const current = currentSchemaVersion(upcasters, event.type);
  if (!Number.isInteger(version) || version < 1 || version > current) {
    throw new UnsupportedSchemaVersionError(event.type, version, current);
  }
  const data = stepsOf(upcasters, event.type)
    .slice(version - 1)
    .reduce((lifted, step) => step(lifted), event.data);
  return { type: event.type, data, occurredAt: event.metadata.occurredAt };
}
